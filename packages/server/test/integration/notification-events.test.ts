import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { CreatedInvitation, CreatedToken, ErrorBody } from '@sextant/core';
import type { NotificationEventRecord } from '@sextant/db';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal, type SignedIn } from '../support/factory.js';
import type { TestClient } from '../support/client.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';
import { testDay } from '../support/test-now.js';
import { productionFixture } from '../support/production-fixture.js';

const CI = { provider: 'github-actions', jobId: '4242', jobUrl: 'https://ci.example.test/4242' };
const METRIC = 'hit_rate_at_10';
const OTHER_STRATEGY = { trainWindow: 'expanding', testWindow: '7d', step: '7d', horizon: '2d' };
const DAY_MS = 86_400_000;

const run = (value: number, extra: Record<string, unknown> = {}) => ({
  metrics: { [METRIC]: value },
  commit: 'a1b2c3d4e5f6a7b8',
  branch: 'main',
  ci: CI,
  ...extra,
});

async function ciClient(admin: SignedIn, projectId: string): Promise<TestClient> {
  const token = await admin.client.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  return admin.client.withBearer(token.body.token);
}

/** A project with a named user, a quantifiable goal and the hit-rate criterion. */
async function scopedProject(env: TestEnv, name?: string) {
  const admin = await env.factory.user();
  const team = await env.factory.team(admin);
  const project = await env.factory.project(
    admin,
    team.id,
    { users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }] },
    name,
  );
  await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env.clock.now()));
  const criterion = await admin.client.put(
    `/projects/${project.id}/success-criterion`,
    HIT_RATE_CRITERION,
  );
  expect(criterion.status).toBe(200);
  return { admin, team, project, ci: await ciClient(admin, project.id) };
}

/** The project's events, oldest first. */
async function eventsOf(env: TestEnv, projectId: string): Promise<NotificationEventRecord[]> {
  return (await env.store.repos.notificationEvents.listForProject(projectId, 1_000)).reverse();
}

const ofType = (events: readonly NotificationEventRecord[], ...types: string[]) =>
  events.filter((e) => types.includes(e.type));

/**
 * The event ids of the waiting `notify.fanout` jobs: job_queue on SQLite, graphile-worker's
 * jobs on PostgreSQL (its `jobs` view leaves the payload out, so its tables).
 */
async function fanoutEventIds(env: TestEnv): Promise<Set<string>> {
  const db = env.connection.db;
  const payloads =
    env.kind === 'sqlite'
      ? (
          await db
            .selectFrom('job_queue')
            .select('payload')
            .where('task', '=', 'notify.fanout')
            .execute()
        ).map((r) => JSON.parse(r.payload) as { eventId: string })
      : (
          await sql<{
            payload: { eventId: string };
          }>`select j.payload from graphile_worker._private_jobs j
              join graphile_worker._private_tasks t on t.id = j.task_id
              where t.identifier = 'notify.fanout'`.execute(db)
        ).rows.map((r) => r.payload);
  return new Set(payloads.map((p) => p.eventId));
}

async function expectFannedOut(env: TestEnv, events: readonly NotificationEventRecord[]) {
  const jobs = await fanoutEventIds(env);
  for (const event of events) expect(jobs.has(event.id), event.type).toBe(true);
}

describeEachDatabase('notification events recorded by the writes', (env) => {
  it('alerts: opened and cleared once each, with the rule, severity, message and figures', async () => {
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const project = await env().factory.project(admin, team.id, undefined, 'Churn model');
    const opened = ofType(await eventsOf(env(), project.id), 'alert.opened');
    const goalMissing = opened.find((e) => e.data.rule === 'goal_missing');
    expect(goalMissing).toMatchObject({
      projectId: project.id,
      projectName: 'Churn model',
      title: 'Alert opened on Churn model: no business goal',
      path: `/projects/${project.id}#goals`,
      data: { rule: 'goal_missing', severity: 'amber', clearedAt: null },
    });
    expect(goalMissing?.summary).toBe(goalMissing?.data.message);
    expect(opened.filter((e) => e.data.rule === 'goal_missing')).toHaveLength(1);
    await expectFannedOut(env(), opened);

    await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env().clock.now()));
    // The read that judges the alerts again clears it; a second read records nothing more.
    await admin.client.get(`/projects/${project.id}/kpis`);
    await admin.client.get(`/projects/${project.id}/kpis`);
    const cleared = ofType(await eventsOf(env(), project.id), 'alert.cleared');
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({
      title: 'Alert cleared on Churn model: no business goal',
      data: {
        alertId: goalMissing?.data.alertId,
        rule: 'goal_missing',
        severity: 'amber',
        since: goalMissing?.data.since,
        clearedAt: env().clock.now().toISOString(),
      },
    });
    await expectFannedOut(env(), cleared);
  });

  it('an alert a read judges is recorded once, however many reads judge it at once', async () => {
    const { admin, project } = await scopedProject(env());
    const sprint = await createSprint(admin.client, project.id, testDay(-10), testDay(1));
    await addStory(admin.client, sprint.id, { assigneeId: admin.user.id, status: 'in_progress' });
    await startSprint(admin.client, sprint.id);
    const before = (await eventsOf(env(), project.id)).length;
    env().clock.advance(5 * DAY_MS);
    const reads = await Promise.all(
      Array.from({ length: 4 }, () => admin.client.get(`/projects/${project.id}/kpis`)),
    );
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await admin.client.get(`/projects/${project.id}`);
    await admin.client.get(`/projects/${project.id}/kpis`);
    const after = (await eventsOf(env(), project.id)).slice(before);
    const overdue = after.filter((e) => e.data.rule === 'sprint_overdue');
    expect(overdue.map((e) => e.type)).toEqual(['alert.opened']);
    expect(overdue[0]?.path).toBe(`/projects/${project.id}/sprints`);
    await expectFannedOut(env(), overdue);
  });

  it('operator disagreement rising: its own event beside alert.opened, with the rates', async () => {
    const { admin, project } = await env().factory.workspace();
    const { criterion, prediction } = productionFixture('2026-11-02', '2026-11-03', '2026-11-04');
    await admin.client.put(`/projects/${project.id}/success-criterion`, criterion);
    const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
    // Top 2 is A, B every day; the operators act on A B (0/2), A B C (1/3), A (1/2), A C (2/3).
    const acted = [['A', 'B'], ['A', 'B', 'C'], ['A'], ['A', 'C']];
    for (const [i, day] of days.entries()) {
      const feedback = `/projects/${project.id}/feedback`;
      await admin.client.post(`${feedback}/predictions`, {
        items: ['A', 'B', 'C', 'D'].map((e, rank) => prediction(day, e, 1 - rank / 10)),
      });
      await admin.client.post(`${feedback}/decisions`, {
        items: (acted[i] ?? []).map((entity) => ({ entity, period: day, acted: true })),
      });
      await admin.client.get(`/projects/${project.id}/kpis`);
    }
    await admin.client.get(`/projects/${project.id}/kpis`);
    const events = await eventsOf(env(), project.id);
    const rising = ofType(events, 'operator.disagreement_rising');
    expect(rising).toHaveLength(1);
    expect(rising[0]).toMatchObject({
      title: `${project.name}: operators disagree more and more with the model`,
      path: `/projects/${project.id}/production`,
      facts: [
        { label: 'Disagreement', value: '0% → 33% → 50% → 67%' },
        { label: 'Latest', value: '67%' },
      ],
    });
    const opened = ofType(events, 'alert.opened').filter(
      (e) => e.data.rule === 'operator_disagreement_rising',
    );
    expect(opened).toHaveLength(1);
    expect(rising[0]?.data.alertId).toBe(opened[0]?.data.alertId);
    expect((rising[0]?.data.rates as number[]).map((r) => Math.round(r * 100))).toEqual([
      0, 33, 50, 67,
    ]);
    await expectFannedOut(env(), [...rising, ...opened]);
  });

  it('CI runs: below the baseline and not comparable, per run, in batches too, once per key', async () => {
    const { admin, project, ci } = await scopedProject(env(), 'Churn model');
    const url = `/projects/${project.id}/runs`;
    const first = await ci.post<{ id: string }>(url, run(0.3));
    expect(first.status).toBe(201);
    let events = await eventsOf(env(), project.id);
    const promoted = ofType(events, 'baseline.promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({
      title: `Churn model: new baseline ${METRIC} 0.3`,
      path: `/projects/${project.id}/runs/${first.body.id}`,
      data: { runId: first.body.id, value: 0.3, reason: 'first_ci_run', previousValue: null },
    });

    const below = await ci.post<{ id: string }>(url, run(0.25));
    await ci.post(url, run(0.4)); // beats it: nothing
    await admin.client.post(url, run(0.1)); // manual: never compared
    const other = await ci.post<{ id: string }>(url, run(0.5, { evaluation: OTHER_STRATEGY }));
    expect(other.status).toBe(201);
    events = await eventsOf(env(), project.id);
    const verdicts = ofType(events, 'run.below_baseline', 'run.not_comparable');
    expect(verdicts.map((e) => e.type)).toEqual(['run.below_baseline', 'run.not_comparable']);
    expect(verdicts[0]).toMatchObject({
      title: 'Churn model: success metric below baseline',
      summary: `CI run on a1b2c3d4e5f6 (main): ${METRIC} 0.25 is below the baseline 0.3.`,
      facts: [
        { label: METRIC, value: '0.25' },
        { label: 'Baseline', value: '0.3' },
        { label: 'Commit', value: 'a1b2c3d4e5f6' },
        { label: 'Branch', value: 'main' },
      ],
      path: `/projects/${project.id}/runs/${below.body.id}`,
      data: {
        runId: below.body.id,
        metricName: METRIC,
        value: 0.25,
        baselineValue: 0.3,
        baselineRunId: first.body.id,
        direction: 'increase',
      },
    });
    expect(verdicts[1]).toMatchObject({
      title: 'Churn model: run not comparable with the baseline',
      data: { runId: other.body.id, value: 0.5, baselineRunId: first.body.id },
    });
    expect(verdicts[1]?.data.runFingerprint).not.toBe(verdicts[1]?.data.baselineFingerprint);
    expect(verdicts[1]?.summary).toContain('evaluation strategy changed');
    await expectFannedOut(env(), verdicts);

    // A batch: each run that does not beat the baseline, in the batch's transaction.
    const batch = await ci.post(`${url}/batch`, { runs: [run(0.1), run(0.9), run(0.3)] });
    expect(batch.status).toBe(201);
    const afterBatch = ofType(await eventsOf(env(), project.id), 'run.below_baseline');
    expect(afterBatch.slice(1).map((e) => e.data.value)).toEqual([0.1, 0.3]);
    await expectFannedOut(env(), afterBatch);

    // Concurrent single posts (grouped into one transaction): one event per run.
    const grouped = await Promise.all([0.11, 0.12, 0.13].map((v) => ci.post(url, run(v))));
    expect(grouped.map((r) => r.status)).toEqual([201, 201, 201]);
    const afterGroup = ofType(await eventsOf(env(), project.id), 'run.below_baseline');
    // (In the order the posts arrived, which concurrency does not fix.)
    expect(
      afterGroup
        .slice(3)
        .map((e) => e.data.value as number)
        .sort(),
    ).toEqual([0.11, 0.12, 0.13]);

    // A replayed Idempotency-Key records nothing; a refused body records nothing.
    const headers = { 'idempotency-key': 'job-7-attempt-1' };
    await ci.request('POST', url, run(0.2), { headers });
    const count = (await eventsOf(env(), project.id)).length;
    const replay = await ci.request('POST', url, run(0.2), { headers });
    expect(replay.raw.headers['idempotent-replayed']).toBe('true');
    const refused = await ci.post<ErrorBody>(url, { metrics: {}, commit: '' });
    expect(refused.status).toBe(400);
    expect((await eventsOf(env(), project.id)).length).toBe(count);
  });

  it('sprint closed with its figures, the baseline promoted at close, decisions and stage moves', async () => {
    const { admin, project, ci } = await scopedProject(env(), 'Churn model');
    const moved = await admin.client.post(`/projects/${project.id}/stage`, {
      stage: 'poc',
      note: 'Scope signed off',
    });
    expect(moved.status).toBe(201);
    const refusedMove = await admin.client.post(`/projects/${project.id}/stage`, {
      stage: 'production',
      note: 'too early',
    });
    expect(refusedMove.status).toBeGreaterThanOrEqual(400);
    let stage = ofType(await eventsOf(env(), project.id), 'stage.changed');
    expect(stage).toHaveLength(1);
    expect(stage[0]).toMatchObject({
      title: 'Churn model moved from scoping to poc',
      path: `/projects/${project.id}`,
      data: { from: 'scoping', to: 'poc', note: 'Scope signed off' },
    });

    const sprint = await createSprint(admin.client, project.id, testDay(-3), testDay(10));
    await addStory(admin.client, sprint.id, { assigneeId: admin.user.id, status: 'done' });
    await addStory(admin.client, sprint.id, { assigneeId: admin.user.id, status: 'done' });
    const todo = await addStory(admin.client, sprint.id, {
      assigneeId: admin.user.id,
      status: 'todo',
    });
    await startSprint(admin.client, sprint.id);
    const base = await ci.post<{ id: string }>(`/projects/${project.id}/runs`, run(0.3));
    const better = await ci.post<{ id: string }>(`/projects/${project.id}/runs`, run(0.45));
    await closeSprint(admin.client, sprint.id, [todo.id], {
      startDate: testDay(11),
      endDate: testDay(24),
    });
    const events = await eventsOf(env(), project.id);
    const closed = ofType(events, 'sprint.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({
      title: `Churn model: ${sprint.name} closed, 67% delivered`,
      summary: `${sprint.name} closed with 2 of 3 stories delivered (67%); 1 carried over. New baseline 0.45.`,
      path: `/projects/${project.id}/sprints/${sprint.id}/review`,
      data: {
        sprintId: sprint.id,
        committed: 3,
        delivered: 2,
        carriedOver: 1,
        newBaseline: { runId: better.body.id, value: 0.45 },
      },
    });
    expect(closed[0]?.data.successRate).toBeCloseTo(2 / 3);
    const promoted = ofType(events, 'baseline.promoted');
    expect(promoted.map((e) => e.data)).toMatchObject([
      { runId: base.body.id, reason: 'first_ci_run' },
      { runId: better.body.id, reason: 'sprint_close', previousValue: 0.3, value: 0.45 },
    ]);
    const closeAgain = await admin.client.post(`/sprints/${sprint.id}/close`, { carryOver: [] });
    expect(closeAgain.status).toBe(409);
    expect(ofType(await eventsOf(env(), project.id), 'sprint.closed')).toHaveLength(1);

    const decided = await admin.client.post(`/sprints/${sprint.id}/decision`, {
      decision: 'drop',
      rationale: 'The hit rate will not reach the threshold.',
    });
    expect(decided.status).toBe(201);
    const after = await eventsOf(env(), project.id);
    const decision = ofType(after, 'decision.recorded');
    expect(decision).toHaveLength(1);
    expect(decision[0]).toMatchObject({
      title: `Churn model: review of ${sprint.name} decided to drop the project`,
      data: {
        sprintId: sprint.id,
        decision: 'drop',
        rationale: 'The hit rate will not reach the threshold.',
        stageChange: { from: 'poc', to: 'dropped' },
      },
    });
    stage = ofType(after, 'stage.changed');
    expect(stage.map((e) => e.data.to)).toEqual(['poc', 'dropped']);
    await expectFannedOut(env(), [...closed, ...promoted, ...decision, ...stage]);
  });

  it('deployments: failed and rolled back are recorded, succeeded and replays are not', async () => {
    const { admin, project, ci } = await scopedProject(env(), 'Churn model');
    const url = `/projects/${project.id}/deployments`;
    const deployment = (status: string) => ({
      version: '1.4.0',
      environment: 'production',
      status,
      commit: 'a1b2c3d4e5f6a7b8',
      finishedAt: '2026-11-17T10:00:00Z',
      ci: CI,
    });
    expect((await ci.post(url, deployment('succeeded'))).status).toBe(201);
    const headers = { 'idempotency-key': 'deploy-1' };
    const failed = await ci.request<{ id: string }>('POST', url, deployment('failed'), { headers });
    expect(failed.status).toBe(201);
    await ci.request('POST', url, deployment('failed'), { headers });
    await ci.post(url, deployment('rolled_back'));
    const refused = await admin.client.post(url, { ...deployment('failed'), version: '' });
    expect(refused.status).toBe(400);
    const events = ofType(
      await eventsOf(env(), project.id),
      'deployment.failed',
      'deployment.rolled_back',
    );
    expect(events.map((e) => e.type)).toEqual(['deployment.failed', 'deployment.rolled_back']);
    expect(events[0]).toMatchObject({
      title: 'Churn model: deployment of 1.4.0 to production failed',
      path: `/projects/${project.id}/deployments`,
      data: {
        deploymentId: failed.body.id,
        version: '1.4.0',
        environment: 'production',
        status: 'failed',
        finishedAt: '2026-11-17T10:00:00.000Z',
      },
    });
    await expectFannedOut(env(), events);
  });

  it('invitations: recorded without the link or its token; a refused one records none', async () => {
    const admin = await env().factory.user({ name: 'Ada Admin' });
    const team = await env().factory.team(admin, 'Forecasting');
    const email = `invitee-${team.id}@example.test`;
    const created = await admin.client.post<CreatedInvitation>(`/teams/${team.id}/invitations`, {
      email,
      role: 'member',
    });
    expect(created.status).toBe(201);
    const again = await admin.client.post(`/teams/${team.id}/invitations`, {
      email,
      role: 'member',
    });
    expect(again.status).toBe(409);
    const rows = await env()
      .connection.db.selectFrom('notification_events')
      .selectAll()
      .where('type', '=', 'invitation.created')
      .execute();
    const mine = rows.filter((r) => r.payload.includes(team.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.project_id).toBeNull();
    expect(mine[0]?.payload).not.toContain(created.body.token);
    expect(mine[0]?.payload).not.toContain('/invitations/');
    const event = await env().store.repos.notificationEvents.find(mine[0]?.id ?? '');
    expect(event).toMatchObject({
      title: `${email} invited to Forecasting as member`,
      path: `/teams/${team.id}`,
      data: { invitationId: created.body.id, teamId: team.id, email, role: 'member' },
    });
    expect(event?.summary).toContain('Ada Admin invited');
    await expectFannedOut(env(), event ? [event] : []);
  });
});
