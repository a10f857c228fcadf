import { expect, it } from 'vitest';
import type { Portfolio } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../support/factory.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { putInProduction } from '../support/stage-history.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';

const NOW = new Date('2026-11-23T12:00:00Z');

async function portfolio(client: TestClient, query = ''): Promise<Portfolio> {
  const reply = await client.get<Portfolio>(`/portfolio${query}`);
  if (reply.status !== 200)
    throw new Error(`portfolio: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function post(client: TestClient, path: string, body: unknown) {
  const reply = await client.post(path, body);
  if (reply.status !== 201)
    throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
}

const money = (kind: 'cost' | 'return', amount: number, currency: string, date: string) => ({
  kind,
  category: kind === 'cost' ? 'infrastructure' : 'savings',
  amount,
  currency,
  status: 'realized',
  date,
});

async function twoTeams(env: TestEnv) {
  env.clock.set(NOW);
  const a = await env.factory.workspace({ users: [{ name: 'Ana' }] });
  const alpha = a.project;
  const beta = await env.factory.project(a.admin, a.team.id, undefined, 'Beta churn model');
  await post(a.admin.client, `/projects/${alpha.id}/goals`, quantifiableGoal(NOW));
  await putInProduction(env, alpha.id);
  await post(
    a.admin.client,
    `/projects/${alpha.id}/ledger`,
    money('cost', 1_000, 'EUR', '2026-10-15'),
  );
  await post(
    a.admin.client,
    `/projects/${alpha.id}/ledger`,
    money('return', 3_000, 'EUR', '2026-11-15'),
  );
  await post(a.admin.client, `/projects/${alpha.id}/deployments`, {
    version: '2.0.0',
    environment: 'production',
    status: 'succeeded',
    finishedAt: '2026-11-20T10:00:00Z',
  });

  const insight = await a.admin.client.post<{ id: string }>(`/projects/${alpha.id}/insights`, {
    title: 'Visit the 10 highest-scored pumps each morning',
    businessArea: 'operations',
  });
  await a.admin.client.patch(`/insights/${insight.body.id}`, { status: 'accepted' });

  const b = await env.factory.workspace({ users: [{ name: 'Bo' }] });
  const secret = await env.factory.project(b.admin, b.team.id, undefined, 'Zeta secret pricing');
  await putInProduction(env, b.project.id);
  await post(
    b.admin.client,
    `/projects/${b.project.id}/ledger`,
    money('cost', 7_777, 'USD', '2026-10-15'),
  );
  return { a, alpha, beta, b, secret };
}

describeEachDatabase('portfolio', (env) => {
  it('shows a team only its own projects, in every list, count and aggregate', async () => {
    const { a, alpha, beta, b, secret } = await twoTeams(env());
    const mine = await portfolio(a.admin.client, '?sort=name');
    expect(mine.items.map((p) => p.name)).toEqual(
      [alpha.name, 'Beta churn model'].sort((x, y) => x.localeCompare(y)),
    );
    expect(mine.total).toBe(2);
    expect(mine.workspace).toMatchObject({
      projects: 2,
      reachedProduction: 1,
      reachedProductionShare: 0.5,
      industryShare: 0.2,
      perHealth: { red: 0, amber: 1, green: 1 },
      // ROI = (3,000 − 1,000) / 1,000 = 2, in EUR only: team B's USD never shows.
      roi: [{ currency: 'EUR', costs: 1_000, realizedReturns: 3_000, roi: 2 }],
    });
    expect(mine.workspace.perStage).toMatchObject({ production: 1, scoping: 1, poc: 0 });
    const text = JSON.stringify(mine);
    for (const hidden of [
      b.project.id,
      b.project.name,
      secret.id,
      secret.name,
      'USD',
      b.team.name,
    ]) {
      expect(text).not.toContain(hidden);
    }
    const alphaRow = mine.items.find((p) => p.id === alpha.id);
    expect(alphaRow).toMatchObject({
      stage: 'production',
      health: 'green',
      deploymentsLast30Days: 1,
      insightsThisQuarter: 1,
      roi: 2,
      currency: 'EUR',
      url: `/projects/${alpha.id}`,
    });
    // The new project has no goal: amber, with the reason.
    const betaRow = mine.items.find((p) => p.id === beta.id);
    expect(betaRow?.health).toBe('amber');
    expect(betaRow?.reasons.join(' ')).toContain('No named user');

    // Team B sees only its two projects.
    const theirs = await portfolio(b.admin.client);
    expect(theirs.items.map((p) => p.id).sort()).toEqual([b.project.id, secret.id].sort());
    expect(JSON.stringify(theirs)).not.toContain(alpha.id);
  });

  it('filters, sorts by health and pages', async () => {
    const { a, alpha, beta } = await twoTeams(env());
    expect((await portfolio(a.admin.client, '?stage=scoping')).items.map((p) => p.id)).toEqual([
      beta.id,
    ]);
    expect((await portfolio(a.admin.client, '?health=green')).items.map((p) => p.id)).toEqual([
      alpha.id,
    ]);
    expect((await portfolio(a.admin.client, '?q=BETA%20churn')).items.map((p) => p.id)).toEqual([
      beta.id,
    ]);
    const first = await portfolio(a.admin.client, '?sort=health&limit=1');
    expect(first.items.map((p) => p.health)).toEqual(['amber']);
    expect(first.nextOffset).toBe(1);
    const second = await portfolio(a.admin.client, '?sort=health&limit=1&offset=1');
    expect(second.items.map((p) => p.id)).toEqual([alpha.id]);
    expect(second.nextOffset).toBeNull();
    // Figures are the workspace's, whatever the filter.
    expect(second.workspace.projects).toBe(2);
    const bad = await a.admin.client.get('/portfolio?sort=size');
    expect(bad.status).toBe(400);
  });

  it('shows goal progress and the last sprint on every page, as on one page', async () => {
    const { a, beta } = await twoTeams(env());
    const client = a.admin.client;
    expect(
      (await client.put(`/projects/${beta.id}/success-criterion`, HIT_RATE_CRITERION)).status,
    ).toBe(200);
    const token = await client.post<{ token: string }>(`/projects/${beta.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = client.withBearer(token.body.token);
    const sprint = await createSprint(client, beta.id, '2026-10-05', '2026-10-16');
    for (const status of ['done', 'done', 'done', 'in_progress'] as const) {
      await addStory(client, sprint.id, { assigneeId: a.admin.user.id, status });
    }
    await startSprint(client, sprint.id);
    for (const value of [0.5, 1.25]) {
      await post(ci, `/projects/${beta.id}/runs`, {
        metrics: { hit_rate_at_10: value },
        commit: 'a1b2c3d',
        ci: { provider: 'github-actions', jobId: `${value}`, jobUrl: 'https://ci.example.test/1' },
        finishedAt: '2026-10-08T10:00:00Z',
      });
    }
    await closeSprint(client, sprint.id);
    // A sprint still active after its end: a delivery warning, as last judged.
    const late = await createSprint(client, beta.id, '2026-11-02', '2026-11-13', 'Late sprint');
    await startSprint(client, late.id);

    const all = await portfolio(client, '?sort=name');
    // Baselines 0.5 (the first CI run), then 1.25 at the sprint’s close; threshold 2:
    // (1.25 − 0.5) / (2 − 0.5) = 0.5. Three of the four committed stories were delivered.
    const betaRow = all.items.find((p) => p.id === beta.id);
    expect(betaRow).toMatchObject({ goalProgress: 0.5, lastSprintSuccessRate: 0.75 });
    expect(betaRow?.reasons).toContain(
      'Late sprint ended on 13 Nov 2026 and is still active (10 days over): close it to record what was delivered.',
    );
    // The rows' own figures are read for the page only: each one-row page shows the same row.
    for (let offset = 0; offset < all.total; offset += 1) {
      const one = await portfolio(client, `?sort=name&limit=1&offset=${offset}`);
      expect(one.items).toEqual([all.items[offset]]);
      expect(one.workspace).toEqual(all.workspace);
    }
  });

  it('needs a signed-in person', async () => {
    env().clock.set(NOW);
    const anonymous = env().factory.client();
    expect((await anonymous.get('/portfolio')).status).toBe(401);
    const { admin } = await env().factory.workspace();
    const empty = await env().factory.user();
    const none = await portfolio(empty.client);
    expect(none).toMatchObject({ items: [], total: 0, nextOffset: null });
    expect(none.workspace).toMatchObject({ projects: 0, reachedProductionShare: null, roi: [] });
    expect((await portfolio(admin.client)).total).toBe(1);
  });
});
