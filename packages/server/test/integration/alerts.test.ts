import { expect, it } from 'vitest';
import type { CreatedToken, ProjectKpis } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../support/factory.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { putInProduction } from '../support/stage-history.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';

const CI = { provider: 'github-actions', jobId: '9', jobUrl: 'https://ci.example.test/9' };
const NOW = new Date('2026-11-23T12:00:00Z');

async function kpis(client: TestClient, projectId: string): Promise<ProjectKpis> {
  const reply = await client.get<ProjectKpis>(`/projects/${projectId}/kpis`);
  if (reply.status !== 200) throw new Error(`kpis: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const rulesOf = (k: ProjectKpis) => k.alerts.map((a) => [a.rule, a.severity]);

async function post(client: TestClient, path: string, body: unknown) {
  const reply = await client.post(path, body);
  if (reply.status !== 201)
    throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A project with a named user and a quantifiable goal, put in production on 1 March 2026. */
async function inProduction(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace({
    users: [{ name: 'Ana Planner', role: 'maintenance planner' }],
  });
  await post(admin.client, `/projects/${project.id}/goals`, quantifiableGoal(NOW));
  await putInProduction(env, project.id);
  return { admin, team, project };
}

describeEachDatabase('alerts and health', (env) => {
  it('scoping: no named user and no goal are amber, and clear when named and set', async () => {
    env().clock.set(NOW);
    const { admin, project } = await env().factory.workspace();
    const first = await kpis(admin.client, project.id);
    expect(rulesOf(first)).toEqual([
      ['no_named_user', 'amber'],
      ['goal_missing', 'amber'],
    ]);
    expect(first.health.health).toBe('amber');
    // Where to act, and that acting there changes the project (a viewer is not shown it).
    expect(first.alerts.map((a) => a.action)).toEqual([
      { label: 'Name a user in the scope', path: `/projects/${project.id}`, kind: 'change' },
      { label: 'Add a quantifiable goal', path: `/projects/${project.id}#goals`, kind: 'change' },
    ]);
    expect(first.alerts[0]?.since).toBe(NOW.toISOString());

    // Still holding an hour later: same alert, same since.
    env().clock.advance(3_600_000);
    const later = await kpis(admin.client, project.id);
    expect(later.alerts.map((a) => [a.id, a.since])).toEqual(
      first.alerts.map((a) => [a.id, a.since]),
    );

    const named = await admin.client.patch(`/projects/${project.id}`, {
      scope: { users: [{ name: 'Ana Planner' }] },
    });
    expect(named.status).toBe(200);
    expect(rulesOf(await kpis(admin.client, project.id))).toEqual([['goal_missing', 'amber']]);
    await post(admin.client, `/projects/${project.id}/goals`, quantifiableGoal(NOW));
    const clear = await kpis(admin.client, project.id);
    expect(clear.alerts).toEqual([]);
    expect(clear.health).toMatchObject({ health: 'green', reasons: ['No open alerts.'] });

    // A goal whose deadline passes no longer counts as quantifiable, until it gets a new one.
    const goals = await admin.client.get<{ items: { id: string }[] }>(
      `/projects/${project.id}/goals`,
    );
    const goalId = goals.body.items[0]?.id ?? '';
    const soon = await admin.client.patch(`/projects/${project.id}/goals/${goalId}`, {
      deadline: '2026-12-01',
    });
    expect(soon.status).toBe(200);
    env().clock.set(new Date('2026-12-02T12:00:00Z'));
    const stale = await kpis(admin.client, project.id);
    expect(rulesOf(stale)).toEqual([['goal_not_quantifiable', 'amber']]);
    expect(stale.alerts[0]?.message).toContain('none of the 1 goal has');
    const moved = await admin.client.patch(`/projects/${project.id}/goals/${goalId}`, {
      deadline: '2027-12-31',
    });
    expect(moved.status).toBe(200);
    expect((await kpis(admin.client, project.id)).alerts).toEqual([]);
  });

  it('production: deployments, insights and ROI alerts fire with their numbers and clear', async () => {
    env().clock.set(NOW);
    const { admin, project } = await inProduction(env());
    // Costs of 1,000 EUR every month since March and no return: the net never turns.
    for (const month of ['03', '04', '05', '06', '07', '08', '09', '10', '11']) {
      await post(admin.client, `/projects/${project.id}/ledger`, {
        kind: 'cost',
        category: 'infrastructure',
        amount: 1_000,
        currency: 'EUR',
        status: 'realized',
        date: `2026-${month}-15`,
      });
    }
    const red = await kpis(admin.client, project.id);
    expect(rulesOf(red)).toEqual([
      ['no_production_deployment', 'red'],
      ['no_insight_this_quarter', 'amber'],
      ['roi_no_break_even', 'red'],
    ]);
    // 1 March → 23 November 2026: 267 days in production without a deployment.
    expect(red.alerts[0]?.details).toMatchObject({ days: 267, threshold: 60 });
    expect(red.alerts[1]?.subjectKey).toBe('2026-Q4');
    expect(red.alerts[2]?.details).toMatchObject({ deadline: '2028-03-01' });
    expect(red.health.health).toBe('red');
    expect(red.health.reasons).toHaveLength(2);

    await post(admin.client, `/projects/${project.id}/deployments`, {
      version: '1.0.0',
      environment: 'production',
      status: 'succeeded',
      finishedAt: '2026-11-20T10:00:00Z',
    });
    const insight = (await post(admin.client, `/projects/${project.id}/insights`, {
      title: 'Visit the 10 highest-scored pumps each morning',
      businessArea: 'operations',
    })) as { id: string };
    expect(
      (await admin.client.patch(`/insights/${insight.id}`, { status: 'accepted' })).status,
    ).toBe(200);
    await post(admin.client, `/projects/${project.id}/ledger`, {
      kind: 'return',
      category: 'savings',
      amount: 20_000,
      currency: 'EUR',
      status: 'realized',
      date: '2026-11-20',
    });
    const green = await kpis(admin.client, project.id);
    expect(green.alerts).toEqual([]);
    expect(green.health.health).toBe('green');
    expect(green.deployments.daysSinceLastProduction).toBe(3);
    expect(green.insights.deliveredThisQuarter).toBe(1);
  });

  it('no CI baseline once runs exist and a sprint closed; a CI run clears it', async () => {
    env().clock.set(new Date('2026-01-20T12:00:00Z'));
    const { admin, project } = await env().factory.workspace({ users: [{ name: 'Ana' }] });
    await post(admin.client, `/projects/${project.id}/goals`, quantifiableGoal(env().clock.now()));
    const criterion = await admin.client.put(
      `/projects/${project.id}/success-criterion`,
      HIT_RATE_CRITERION,
    );
    expect(criterion.status).toBe(200);
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    await addStory(admin.client, sprint.id, { assigneeId: admin.user.id, status: 'done' });
    await startSprint(admin.client, sprint.id);
    await closeSprint(admin.client, sprint.id);
    await post(admin.client, `/projects/${project.id}/runs`, {
      metrics: { hit_rate_at_10: 0.71 },
      commit: 'abc1234',
    });
    const before = await kpis(admin.client, project.id);
    expect(rulesOf(before)).toEqual([['no_ci_baseline', 'amber']]);
    expect(before.alerts[0]?.message).toContain('1 run was posted, none by CI');
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    await post(admin.client.withBearer(token.body.token), `/projects/${project.id}/runs`, {
      metrics: { hit_rate_at_10: 0.72 },
      commit: 'abc1235',
      ci: CI,
    });
    const after = await kpis(admin.client, project.id);
    expect(after.alerts).toEqual([]);
    expect(after.runs).toMatchObject({ total: 2, ci: 1, manual: 1 });
  });

  it('shows the delivery warnings among the alerts judged for the KPIs, the same rows', async () => {
    env().clock.set(new Date('2026-01-20T12:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    await addStory(admin.client, sprint.id, { assigneeId: admin.user.id, status: 'in_progress' });
    await startSprint(admin.client, sprint.id);
    const read = await kpis(admin.client, project.id);
    const overdue = read.alerts.find((a) => a.rule === 'sprint_overdue');
    expect(overdue).toBeDefined();
    // Only the delivery rules, as stored: the scoping alerts stay out of the delivery KPIs.
    expect(read.delivery.warnings).toEqual([
      {
        id: overdue?.id,
        rule: 'sprint_overdue',
        message: overdue?.message,
        details: overdue?.details,
        since: overdue?.since,
      },
    ]);
  });

  it('a viewer reads the KPIs; another team gets the 404 of a missing project', async () => {
    env().clock.set(NOW);
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const read = await viewer.client.get<ProjectKpis>(`/projects/${project.id}/kpis`);
    expect(read.status).toBe(200);
    expect(read.body.projectId).toBe(project.id);
    expect(rulesOf(read.body)).toEqual([
      ['no_named_user', 'amber'],
      ['goal_missing', 'amber'],
    ]);
    const stranger = await env().factory.user();
    const theirs = await stranger.client.get(`/projects/${project.id}/kpis`);
    const missing = await stranger.client.get(
      `/projects/00000000-0000-7000-8000-000000000000/kpis`,
    );
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
  });
});
