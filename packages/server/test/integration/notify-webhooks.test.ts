import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';
import { drainJobs, emitEvent, runQueuedJobs, startReceiver } from '../support/notify-jobs.js';
import { eventually } from '../support/eventually.js';
import {
  notificationJobs,
  queueWeeklyDigests,
  resend,
  verifySignature,
} from '../../src/notifications/index.js';
import { fanOut } from '../../src/notifications/fanout.js';
import type { NotificationConfig } from '../../src/notifications/config.js';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const SECRET = 'whsec_test-secret-for-the-receiver';

const config = (allowPrivate: boolean): NotificationConfig => ({
  publicUrl: 'https://sextant.example.test',
  smtpUrl: null,
  mailFrom: 'Sextant <sextant@example.test>',
  timeZone: 'UTC',
  webhookRetryBaseMs: 1000,
  allowPrivateWebhooks: allowPrivate,
  // Equal jitter at its middle: 0.75 of each backoff.
  random: () => 0.5,
});

describeEachDatabase('webhook deliveries', (env: () => TestEnv) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let projectId: string;
  let admin: SignedIn;
  const jobs = () =>
    notificationJobs({ store: env().store, clock: env().clock, config: config(true), mailer: null })
      .handlers;

  const addEndpoint = (
    path: string,
    name: string,
    kind: 'webhook' | 'slack' | 'teams' = 'webhook',
    events: string[] = ['deployment.failed'],
  ) =>
    env().store.repos.notificationEndpoints.insert({
      projectId,
      kind,
      name,
      url: receiver.url(path),
      events,
      secret: SECRET,
      createdBy: null,
      now: env().clock.now().toISOString(),
    });

  beforeAll(async () => {
    receiver = await startReceiver({
      '/flaky': [500, 500, 200],
      '/down': [500],
      '/refused': [200],
      '/slack': [200],
      '/teams': [200],
      '/again': [503, 200],
      '/stuck': [500, 500, 500, 500],
    });
    const world = await env().factory.workspace();
    projectId = world.project.id;
    admin = world.admin;
  });
  afterAll(() => receiver.close());
  // What the setup's own writes recorded (alerts of a new project) is fanned out first.
  beforeEach(() => drainJobs(env(), jobs()));

  it('retries a failing receiver with growing gaps, signing every attempt, until it answers 200', async () => {
    const endpoint = await addEndpoint('/flaky', 'Flaky receiver');
    const eventId = await emitEvent(env(), { projectId });
    expect(await runQueuedJobs(env(), jobs())).toEqual(['notify.fanout']);

    const deliveries = env().store.repos.notificationDeliveries;
    const [delivery] = await deliveries.listForEndpoint(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0, eventId, channel: 'webhook' });

    const gaps: number[] = [];
    for (const expected of [500, 500]) {
      expect(await runQueuedJobs(env(), jobs())).toEqual(['notify.deliver']);
      const row = (await deliveries.findById(delivery!.id))!;
      expect(row).toMatchObject({ status: 'retrying', lastStatusCode: expected });
      expect(row.lastError).toContain('500');
      const gap = new Date(row.nextAttemptAt!).getTime() - env().clock.now().getTime();
      gaps.push(gap);
      env().clock.advance(gap);
    }
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);

    expect(await runQueuedJobs(env(), jobs())).toEqual(['notify.deliver']);
    const done = (await deliveries.findById(delivery!.id))!;
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(done.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(done.completedAt).not.toBeNull();
    // Nothing is left to run: a succeeded delivery enqueues nothing more.
    expect(await runQueuedJobs(env(), jobs())).toEqual([]);

    const calls = receiver.received.filter((r) => r.path === '/flaky');
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.headers['sextant-event-id']).toBe(eventId);
      expect(call.headers['sextant-event']).toBe('deployment.failed');
      expect(call.headers['sextant-delivery']).toBe(delivery!.id);
      expect(call.headers['content-type']).toBe('application/json');
      expect(call.headers['user-agent']).toMatch(/^Sextant\//);
      const header = call.headers['sextant-signature'] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature({ secret: SECRET, header, body: call.body })).toMatchObject({
        ok: true,
      });
      expect(verifySignature({ secret: 'whsec_other', header, body: call.body }).ok).toBe(false);
    }
    const envelope = receiver.envelopes('/flaky')[0]!;
    expect(envelope).toMatchObject({
      id: eventId,
      type: 'deployment.failed',
      version: 1,
      url: `https://sextant.example.test/projects/${projectId}/deployments`,
      project: { id: projectId },
    });

    const healthy = (await env().store.repos.notificationEndpoints.findById(endpoint.id))!;
    expect(healthy.failingSince).toBeNull();
    expect(healthy.lastSuccessAt).not.toBeNull();

    // A second fan-out of the same event writes nothing and sends nothing.
    expect(await fanOut({ ...env(), config: config(true), mailer: null }, eventId)).toEqual([]);
    expect(await deliveries.listForEvent(eventId)).toHaveLength(1);
    await env().store.repos.notificationEndpoints.delete(endpoint.id);
  });

  it('gives a delivery up after 24 hours and disables an endpoint failing for 3 days', async () => {
    const endpoint = await addEndpoint('/down', 'Down receiver');
    const deliveries = env().store.repos.notificationDeliveries;
    const firstEvent = await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), jobs()); // fan-out
    await runQueuedJobs(env(), jobs()); // attempt 1: 500
    const [first] = await deliveries.listForEvent(firstEvent);
    expect(first).toMatchObject({ status: 'retrying', attempts: 1 });

    env().clock.advance(25 * HOUR_MS);
    await runQueuedJobs(env(), jobs());
    expect(await deliveries.findById(first!.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastStatusCode: 500,
      nextAttemptAt: null,
    });
    // Failing for a day only: still enabled, and nothing more is queued for it.
    const failing = (await env().store.repos.notificationEndpoints.findById(endpoint.id))!;
    expect(failing.disabledAt).toBeNull();
    expect(failing.failingSince).not.toBeNull();
    expect(await runQueuedJobs(env(), jobs())).toEqual([]);

    env().clock.advance(2 * DAY_MS);
    const secondEvent = await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), jobs());
    await runQueuedJobs(env(), jobs());
    env().clock.advance(25 * HOUR_MS);
    await runQueuedJobs(env(), jobs());
    const [second] = await deliveries.listForEvent(secondEvent);
    expect(second).toMatchObject({ status: 'failed' });

    const disabled = (await env().store.repos.notificationEndpoints.findById(endpoint.id))!;
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.disabledReason).toContain('3 days');
    const told = (await env().store.repos.notificationEvents.listForProject(projectId)).find(
      (e) => e.type === 'endpoint.disabled',
    );
    expect(told).toMatchObject({ data: { endpointId: endpoint.id } });
    expect(told!.path).toBe(`/projects/${projectId}/notifications`);
    // The project's admin is mailed at once (skipped here: this suite has no SMTP server).
    const notice = await deliveries.listForEvent(told!.id);
    expect(notice).toContainEqual(
      expect.objectContaining({ channel: 'email', userId: admin.user.id }),
    );

    // A disabled endpoint receives nothing more.
    const calls = receiver.received.filter((r) => r.path === '/down').length;
    const third = await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), jobs());
    await runQueuedJobs(env(), jobs());
    expect(await deliveries.listForEvent(third)).toEqual([]);
    expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(calls);
    await env().store.repos.notificationEndpoints.delete(endpoint.id);
  });

  it('refuses a private destination at send time: one failed attempt, no retry, nothing sent', async () => {
    const endpoint = await addEndpoint('/refused', 'Loopback receiver');
    const strict = notificationJobs({
      store: env().store,
      clock: env().clock,
      config: config(false),
      mailer: null,
    }).handlers;
    const eventId = await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), strict);
    await runQueuedJobs(env(), strict);
    const [delivery] = await env().store.repos.notificationDeliveries.listForEvent(eventId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    expect(delivery!.lastError).toMatch(/destination refused.*127\.0\.0\.1/);
    expect(await runQueuedJobs(env(), strict)).toEqual([]);
    expect(receiver.received.filter((r) => r.path === '/refused')).toHaveLength(0);
    await env().store.repos.notificationEndpoints.delete(endpoint.id);
  });

  it('renders the event for Slack and Teams, and sends Slack the weekly digest it asked for', async () => {
    const slack = await addEndpoint('/slack', 'Team channel', 'slack', [
      'deployment.failed',
      'digest.weekly',
    ]);
    const teams = await addEndpoint('/teams', 'Teams channel', 'teams', ['deployment.failed']);
    await emitEvent(env(), { projectId, summary: 'Fell to 0.71 <below> & under.' });
    await drainJobs(env(), jobs());
    const [slackBody] = receiver.received.filter((r) => r.path === '/slack');
    const slackMessage = JSON.parse(slackBody!.body) as {
      text: string;
      blocks: { type: string }[];
    };
    expect(slackMessage.text).toContain('Deployment failed on Churn');
    expect(slackMessage.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(slackBody!.body).toContain('Fell to 0.71 &lt;below&gt; &amp; under.');
    expect(slackBody!.body).toContain(
      `https://sextant.example.test/projects/${projectId}/deployments`,
    );
    expect(slackBody!.headers['sextant-signature']).toBeUndefined();

    const [teamsBody] = receiver.received.filter((r) => r.path === '/teams');
    const card = JSON.parse(teamsBody!.body) as {
      type: string;
      attachments: { contentType: string; content: { actions: { type: string; url: string }[] } }[];
    };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]!.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open in Sextant',
      url: `https://sextant.example.test/projects/${projectId}/deployments`,
    });

    const pipeline = { store: env().store, clock: env().clock, config: config(true), mailer: null };
    expect(await queueWeeklyDigests(pipeline, env().clock.now())).toHaveLength(1);
    expect(await queueWeeklyDigests(pipeline, env().clock.now())).toEqual([]);
    await drainJobs(env(), jobs());
    const digests = receiver.received.filter((r) => r.path === '/slack').slice(1);
    expect(digests).toHaveLength(1);
    const digest = JSON.parse(digests[0]!.body) as { text: string; blocks: unknown[] };
    expect(digest.text).toMatch(/weekly sponsor digest \(\d{4}-W\d{2}\)/);
    expect(JSON.stringify(digest.blocks)).toContain('Business goal');
    // The Teams endpoint did not ask for the digest.
    expect(receiver.received.filter((r) => r.path === '/teams')).toHaveLength(1);
    await env().store.repos.notificationEndpoints.delete(slack.id);
    await env().store.repos.notificationEndpoints.delete(teams.id);
  });

  it('sends a failed delivery again on request, keeping its attempts', async () => {
    const endpoint = await addEndpoint('/again', 'Comes back');
    const strict = notificationJobs({
      store: env().store,
      clock: env().clock,
      config: config(false),
      mailer: null,
    }).handlers;
    const eventId = await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), strict);
    await runQueuedJobs(env(), strict); // refused: failed after one attempt
    const [delivery] = await env().store.repos.notificationDeliveries.listForEndpoint(endpoint.id);
    expect(delivery!.eventId).toBe(eventId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });

    expect(await resend(env(), delivery!.id)).toBe(true);
    expect(await resend(env(), 'no-such-delivery')).toBe(false);
    expect(await env().store.repos.notificationDeliveries.findById(delivery!.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    await runQueuedJobs(env(), jobs()); // 503: retrying
    env().clock.advance(HOUR_MS);
    await runQueuedJobs(env(), jobs()); // 200
    expect(await env().store.repos.notificationDeliveries.findById(delivery!.id)).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
    });
    expect(receiver.received.filter((r) => r.path === '/again')).toHaveLength(2);
    await env().store.repos.notificationEndpoints.delete(endpoint.id);
  });

  it('sends again in place of a waiting retry, never beside it', async () => {
    const endpoint = await addEndpoint('/stuck', 'Stuck');
    await emitEvent(env(), { projectId });
    await runQueuedJobs(env(), jobs()); // fan-out
    await runQueuedJobs(env(), jobs()); // 500: a retry waits
    const [delivery] = await env().store.repos.notificationDeliveries.listForEndpoint(endpoint.id);
    expect(delivery).toMatchObject({ status: 'retrying', attempts: 1 });

    expect(await resend(env(), delivery!.id)).toBe(true);
    // Every waiting job runs now: one send, not the retry and the resend side by side.
    await runQueuedJobs(env(), jobs());
    expect(receiver.received.filter((r) => r.path === '/stuck')).toHaveLength(2);
    expect(await env().store.repos.notificationDeliveries.findById(delivery!.id)).toMatchObject({
      status: 'retrying',
      attempts: 2,
    });
    await env().store.repos.notificationEndpoints.delete(endpoint.id);
  });
});

describeEachDatabase(
  'webhook deliveries through the job runner',
  (env: () => TestEnv) => {
    it('retries a flaky receiver until it answers 200, each attempt signed for the same event', async () => {
      const receiver = await startReceiver({ '/hook': [500, 500, 200] });
      try {
        const { project } = await env().factory.workspace();
        const endpoint = await env().store.repos.notificationEndpoints.insert({
          projectId: project.id,
          kind: 'webhook',
          name: 'Flaky',
          url: receiver.url('/hook'),
          events: ['deployment.failed'],
          secret: SECRET,
          createdBy: null,
          now: env().clock.now().toISOString(),
        });
        const eventId = await emitEvent(env(), { projectId: project.id });
        await eventually('the third attempt succeeds', async () => {
          // SQLite's runner waits on the test clock: move it past each retry's delay.
          env().clock.advance(1000);
          const [row] = await env().store.repos.notificationDeliveries.listForEndpoint(endpoint.id);
          return row?.status === 'succeeded';
        });
        const [row] = await env().store.repos.notificationDeliveries.listForEndpoint(endpoint.id);
        expect(row).toMatchObject({ attempts: 3, lastStatusCode: 200, eventId });
        expect(receiver.received).toHaveLength(3);
        for (const call of receiver.received) {
          expect(call.headers['sextant-event-id']).toBe(eventId);
          const header = call.headers['sextant-signature'] as string;
          expect(verifySignature({ secret: SECRET, header, body: call.body }).ok).toBe(true);
        }
      } finally {
        await receiver.close();
      }
    });
  },
  // The harness's jobs allow receivers on 127.0.0.1 (as SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1).
  { withJobs: true },
);
