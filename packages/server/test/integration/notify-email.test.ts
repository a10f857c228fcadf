import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { isoWeek, nextWeekly, type Goal } from '@sextant/core';
import { testDay } from '../support/test-now.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal, type SignedIn } from '../support/factory.js';
import { closeSprint, createSprint, startSprint } from '../support/sprints.js';
import { drainJobs, emitEvent, runQueuedJobs, startReceiver } from '../support/notify-jobs.js';
import { recipient, startSmtpReceiver, unsubscribeToken } from '../support/smtp-receiver.js';
import { eventually } from '../support/eventually.js';
import {
  createMailer,
  notificationJobs,
  queueWeeklyDigests,
  sendDailyDigests,
  unsubscribe,
  type Mailer,
  type NotificationConfig,
} from '../../src/notifications/index.js';
import { queuedInvitationMail } from '../../src/services/invitation-mail.js';
import { InvitationService } from '../../src/services/invitations.service.js';
import { AuthService } from '../../src/services/auth.service.js';

const PUBLIC_URL = 'https://sextant.example.test';
const smtp = await startSmtpReceiver();

const config: NotificationConfig = {
  publicUrl: PUBLIC_URL,
  smtpUrl: smtp.url,
  mailFrom: 'Sextant <sextant@example.test>',
  timeZone: 'Europe/Berlin',
  webhookRetryBaseMs: 1000,
  allowPrivateWebhooks: true,
  random: () => 0.5,
};

const mailsTo = (email: string) => smtp.received.filter((m) => recipient(m) === email);

describeEachDatabase('email notifications', (env: () => TestEnv) => {
  let mailer: Mailer;
  let admin: SignedIn;
  let projectId: string;
  let teamId: string;
  const deps = () => ({ store: env().store, clock: env().clock, config, mailer });
  const jobs = () => notificationJobs({ ...deps() }).handlers;
  const run = () => runQueuedJobs(env(), jobs());

  beforeAll(async () => {
    mailer = createMailer(config)!;
    const world = await env().factory.workspace({
      currentMetric: { name: 'Planners’ list hit rate@10', value: 0.8 },
    });
    admin = world.admin;
    projectId = world.project.id;
    teamId = world.team.id;
  });
  afterAll(() => mailer.close());
  // What the setup's own writes recorded (alerts of a new project) is fanned out first.
  beforeEach(() => drainJobs(env(), jobs()));

  const subscribe = (userId: string, mode: 'instant' | 'daily' | 'off', weeklyDigest = false) =>
    env().store.repos.notificationSubscriptions.upsert({
      userId,
      projectId,
      events: ['deployment.failed'],
      mode,
      weeklyDigest,
      now: env().clock.now().toISOString(),
    });

  it('mails an alert at once with text, escaped HTML, absolute links and a working unsubscribe', async () => {
    await subscribe(admin.user.id, 'instant');
    const eventId = await emitEvent(env(), {
      projectId,
      summary: 'The health check answered 0.71 <below> the bar of 0.80.',
    });
    await run(); // fan-out
    await run(); // deliver
    const [delivery] = await env().store.repos.notificationDeliveries.listForEvent(eventId);
    expect(delivery).toMatchObject({ channel: 'email', status: 'succeeded', attempts: 1 });

    const [mail] = mailsTo(admin.user.email);
    expect(mail).toBeDefined();
    expect(mail!.subject).toMatch(/^\[Sextant\] .+: Deployment failed on Churn/);
    expect(mail!.from?.text).toContain('sextant@example.test');
    expect(mail!.text).toContain('The health check answered 0.71 <below> the bar of 0.80.');
    expect(mail!.text).toContain(
      `Open in Sextant: ${PUBLIC_URL}/projects/${projectId}/deployments`,
    );
    const html = String(mail!.html);
    expect(html).toContain('&lt;below&gt;');
    expect(html).toContain(`href="${PUBLIC_URL}/projects/${projectId}/deployments"`);
    expect(html).toMatch(new RegExp(`href="${PUBLIC_URL}/unsubscribe/[A-Za-z0-9_-]{43}"`));
    // RFC 8058: List-Unsubscribe with the same link, and List-Unsubscribe-Post (one click).
    expect(mail!.headers.get('list')).toEqual({
      unsubscribe: { url: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/unsubscribe/`)) },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });

    const token = unsubscribeToken(mail!);
    expect(html).toContain(`${PUBLIC_URL}/unsubscribe/${token}`);
    expect(await unsubscribe(env(), token)).toMatchObject({ ok: true, kind: 'events', projectId });
    // Clicking twice is fine; a made-up token is not.
    expect(await unsubscribe(env(), token)).toMatchObject({ ok: true });
    expect(await unsubscribe(env(), 'x'.repeat(43))).toEqual({ ok: false });
    expect(
      await env().store.repos.notificationSubscriptions.find(admin.user.id, projectId),
    ).toMatchObject({ mode: 'off' });

    const next = await emitEvent(env(), { projectId });
    await run();
    await run();
    expect(await env().store.repos.notificationDeliveries.listForEvent(next)).toEqual([]);
    expect(mailsTo(admin.user.email)).toHaveLength(1);
  });

  it('does not mail a subscriber who has left the team, nor an operator', async () => {
    const viewer = await env().factory.member(teamId, admin, 'viewer');
    const operator = await env().factory.member(teamId, admin, 'operator');
    await subscribe(viewer.user.id, 'instant');
    await subscribe(operator.user.id, 'instant');
    const first = await emitEvent(env(), { projectId });
    await run();
    await run();
    expect(mailsTo(viewer.user.email)).toHaveLength(1);
    expect(mailsTo(operator.user.email)).toHaveLength(0);

    expect((await admin.client.delete(`/teams/${teamId}/members/${viewer.user.id}`)).status).toBe(
      204,
    );
    const second = await emitEvent(env(), { projectId });
    await run();
    await run();
    expect(mailsTo(viewer.user.email)).toHaveLength(1);
    const users = (await env().store.repos.notificationDeliveries.listForEvent(second)).map(
      (d) => d.userId,
    );
    expect(users).not.toContain(viewer.user.id);
    expect((await env().store.repos.notificationDeliveries.listForEvent(first)).length).toBe(1);
    await subscribe(viewer.user.id, 'off');
    await subscribe(operator.user.id, 'off');
  });

  it('gathers daily-mode events into one email a day', async () => {
    const member = await env().factory.member(teamId, admin, 'member');
    await subscribe(member.user.id, 'daily');
    await emitEvent(env(), { projectId, title: 'First thing happened' });
    await emitEvent(env(), { projectId, title: 'Second thing happened' });
    await run();
    await run();
    expect(mailsTo(member.user.email)).toHaveLength(0);
    expect(await sendDailyDigests(deps())).toBe(1);
    expect(await sendDailyDigests(deps())).toBe(0);
    const [mail] = mailsTo(member.user.email);
    expect(mailsTo(member.user.email)).toHaveLength(1);
    expect(mail!.subject).toBe('[Sextant] 2 notifications today');
    expect(mail!.text).toContain('First thing happened');
    expect(mail!.text).toContain('Second thing happened');
    expect(mail!.text).toContain(`${PUBLIC_URL}/projects/${projectId}/deployments`);
    const rows = await env().store.repos.notificationDeliveries.listForUser(member.user.id);
    expect(rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    await subscribe(member.user.id, 'off');
  });

  it('sends the weekly sponsor digest once a week: goal, metric, decision, what is due, open alerts', async () => {
    const url = `/projects/${projectId}`;
    const goal = await admin.client.post<Goal>(`${url}/goals`, quantifiableGoal(env().clock.now()));
    expect(goal.status).toBe(201);
    expect(
      (
        await admin.client.post(`/goals/${goal.body.id}/measurements`, {
          value: 3.0,
          measuredAt: env().clock.now().toISOString(),
          source: 'Finance report',
        })
      ).status,
    ).toBe(201);
    expect((await admin.client.put(`${url}/success-criterion`, HIT_RATE_CRITERION)).status).toBe(
      200,
    );
    const s1 = await createSprint(admin.client, projectId, testDay(-7), testDay(3), 'Sprint 1');
    await startSprint(admin.client, s1.id);
    await closeSprint(admin.client, s1.id);
    expect(
      (
        await admin.client.post(`/sprints/${s1.id}/decision`, {
          decision: 'continue',
          rationale: 'One more sprint on features.',
        })
      ).status,
    ).toBe(201);

    const sponsor = await env().factory.member(teamId, admin, 'viewer');
    await subscribe(sponsor.user.id, 'off', true);
    const firstFire = await queueWeeklyDigests(deps(), env().clock.now());
    expect(firstFire).toHaveLength(1);
    expect(await queueWeeklyDigests(deps(), env().clock.now())).toEqual([]);
    await run();

    const mails = mailsTo(sponsor.user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/: weekly sponsor digest \(\d{4}-W\d{2}\)$/);
    expect(mail.text).toContain('Reduce monthly churn rate by 10 %');
    // The metric against its threshold and today's process (money needs a CI run: unit-tested).
    expect(mail.text).toContain('hit_rate_at_10: no CI run yet against threshold 2.');
    expect(mail.text).toContain("Today's process (Planners’ list hit rate@10): 0.8.");
    expect(mail.text).toContain('Open alerts');
    expect(mail.text).toContain('No named user: nobody has been named who will use the solution.');
    expect(mail.text).toContain('Continue after Sprint 1');
    expect(mail.text).toContain('One more sprint on features.');
    expect(mail.text).toContain('Goal deadline');
    expect(mail.text).toContain(`Open in Sextant: ${PUBLIC_URL}/projects/${projectId}`);
    expect(String(mail.html)).toContain(`href="${PUBLIC_URL}/projects/${projectId}"`);

    const link = unsubscribeToken(mail);
    expect(await unsubscribe(env(), link)).toMatchObject({ ok: true, kind: 'weekly' });
    expect(
      await env().store.repos.notificationSubscriptions.find(sponsor.user.id, projectId),
    ).toMatchObject({ weeklyDigest: false, mode: 'off' });
    // Next week: nobody subscribed to it any more, so nothing is queued.
    env().clock.advance(7 * 24 * 3600 * 1000);
    expect(await queueWeeklyDigests(deps(), env().clock.now())).toEqual([]);
  });

  it('mails the project admins when their endpoint is disabled after 3 days of failures', async () => {
    const receiver = await startReceiver({ '/down': [500] });
    try {
      const endpoint = await env().store.repos.notificationEndpoints.insert({
        projectId,
        kind: 'webhook',
        name: 'Warehouse hook',
        url: receiver.url('/down'),
        events: ['deployment.failed'],
        secret: 'whsec_x',
        createdBy: null,
        now: env().clock.now().toISOString(),
      });
      const DAY = 24 * 3600 * 1000;
      for (const wait of [0, 3 * DAY]) {
        env().clock.advance(wait);
        await emitEvent(env(), { projectId });
        await run(); // fan-out
        await run(); // attempt 1: 500
        env().clock.advance(25 * 3600 * 1000);
        await run(); // given up
      }
      await drainJobs(env(), jobs()); // the notice's fan-out and its email
      expect(
        (await env().store.repos.notificationEndpoints.findById(endpoint.id))!.disabledAt,
      ).not.toBeNull();
      const notices = mailsTo(admin.user.email).filter((m) =>
        m.subject?.includes('"Warehouse hook" was disabled'),
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]!.text).toContain(receiver.url('/down'));
      expect(notices[0]!.text).toContain(`${PUBLIC_URL}/projects/${projectId}/notifications`);
    } finally {
      await receiver.close();
    }
  });

  it('mails an invitation from the job its transaction enqueued, with the absolute link', async () => {
    const email = `invitee-${Date.now()}@example.test`;
    const serviceDeps = { store: env().store, clock: env().clock };
    const invitations = new InvitationService(
      serviceDeps,
      new AuthService(serviceDeps),
      queuedInvitationMail(() => env().clock.now()),
    );
    const created = await invitations.create(teamId, { email, role: 'viewer' }, {
      userId: admin.user.id,
    } as never);
    expect(mailsTo(email)).toHaveLength(0);
    expect(await run()).toContain('notify.invitation-mail');
    const [mail] = mailsTo(email);
    expect(mail!.subject).toMatch(
      new RegExp(`^\\[Sextant\\] ${admin.user.name} invited you to Team `),
    );
    expect(mail!.text).toContain(`Accept the invitation: ${PUBLIC_URL}${created.path}`);
    expect(String(mail!.html)).toContain(`href="${PUBLIC_URL}${created.path}"`);
    // The job, the only other copy of the link, is gone once it ran.
    expect(await run()).not.toContain('notify.invitation-mail');
  });

  it('does not mail an invitation revoked before its job ran', async () => {
    const email = `revoked-${Date.now()}@example.test`;
    const serviceDeps = { store: env().store, clock: env().clock };
    const invitations = new InvitationService(
      serviceDeps,
      new AuthService(serviceDeps),
      queuedInvitationMail(() => env().clock.now()),
    );
    const created = await invitations.create(teamId, { email, role: 'viewer' }, {
      userId: admin.user.id,
    } as never);
    await env().store.repos.invitations.revoke(created.id, env().clock.now().toISOString());
    await run();
    expect(mailsTo(email)).toHaveLength(0);
  });
});

describeEachDatabase(
  'email notifications through the job runner',
  (env: () => TestEnv) => {
    it('an event is fanned out and mailed by the runner', async () => {
      const { admin, project } = await env().factory.workspace();
      await env().store.repos.notificationSubscriptions.upsert({
        userId: admin.user.id,
        projectId: project.id,
        events: ['deployment.failed'],
        mode: 'instant',
        weeklyDigest: false,
        now: env().clock.now().toISOString(),
      });
      const eventId = await emitEvent(env(), { projectId: project.id });
      const delivered = async () =>
        (await env().store.repos.notificationDeliveries.listForEvent(eventId))[0]?.status;
      await eventually(
        'the alert email is delivered',
        async () => (await delivered()) === 'succeeded',
      );
      expect(mailsTo(admin.user.email)).toHaveLength(1);
      expect(mailsTo(admin.user.email)[0]!.text).toContain(
        `http://sextant.test/projects/${project.id}/deployments`,
      );
    });

    it('the weekly digest goes out when its schedule fires, Monday 08:00 in the time zone, once', async () => {
      const { admin, team, project } = await env().factory.workspace();
      const sponsor = await env().factory.member(team.id, admin, 'viewer');
      await env().store.repos.notificationSubscriptions.upsert({
        userId: sponsor.user.id,
        projectId: project.id,
        events: [],
        mode: 'off',
        weeklyDigest: true,
        now: env().clock.now().toISOString(),
      });
      const monday = nextWeekly(env().clock.now(), 'Europe/Berlin');
      expect(monday.toISOString()).toMatch(/T0[67]:00:00\.000Z$/);
      env().clock.set(new Date(monday.getTime() + 1000));
      await env().jobs!.tickSchedules();
      await env().jobs!.tickSchedules();
      const week = isoWeek(monday, 'Europe/Berlin');
      const key = `weekly:${project.id}:${sponsor.user.id}:${week}`;
      await eventually('the weekly digest is delivered', async () => {
        const rows = await env().store.repos.notificationDeliveries.listForUser(sponsor.user.id);
        return rows.some((r) => r.dedupeKey === key && r.status === 'succeeded');
      });
      // Fired again in the same week (another server, a late tick): nothing more is sent.
      await env().jobs!.drain();
      await queueWeeklyDigests(
        {
          store: env().store,
          clock: env().clock,
          config: { ...config, timeZone: 'Europe/Berlin' },
          mailer: null,
        },
        monday,
      );
      await env().jobs!.drain();
      const mails = mailsTo(sponsor.user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain(`weekly sponsor digest (${week})`);
    });
  },
  { withJobs: { config: { smtpUrl: smtp.url, timeZone: 'Europe/Berlin' } } },
);

afterAll(() => smtp.close());

describeEachDatabase(
  'invitation email through the API',
  (env: () => TestEnv) => {
    let mailer: Mailer;
    const jobs = () =>
      notificationJobs({ store: env().store, clock: env().clock, config, mailer }).handlers;

    beforeAll(() => {
      mailer = createMailer(config)!;
    });
    afterAll(() => mailer.close());

    it('mails the link of an invitation made on the team page, and says so in the answer', async () => {
      const world = await env().factory.workspace();
      const email = `api-invitee-${Date.now()}@example.test`;
      const created = await world.admin.client.post<{ path: string; emailed: boolean }>(
        `/teams/${world.team.id}/invitations`,
        { email, role: 'member' },
      );
      expect(created.status).toBe(201);
      expect(created.body.emailed).toBe(true);
      await drainJobs(env(), jobs());
      const [mail] = mailsTo(email);
      expect(mail!.text).toContain(`Accept the invitation: ${PUBLIC_URL}${created.body.path}`);
    });
  },
  { mailInvitations: true },
);
