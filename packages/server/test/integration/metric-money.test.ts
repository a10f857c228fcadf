import { expect, it } from 'vitest';
import type { CreatedToken, Portfolio, ProjectKpis, Run } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { HIT_RATE_CRITERION } from '../support/factory.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';

const CI = { provider: 'github-actions', jobId: '41', jobUrl: 'https://ci.example.test/runs/41' };
/** Today's process: the planner's round catches 0.85 failures a day. */
const TODAY = { name: 'Failures caught by the planner’s round', value: 0.85, unit: 'per day' };

async function ciPoster(client: TestClient, projectId: string) {
  const token = await client.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  const ci = client.withBearer(token.body.token);
  return async (value: number, extra: Record<string, unknown> = {}) => {
    const reply = await ci.post<Run>(`/projects/${projectId}/runs`, {
      metrics: { hit_rate_at_10: value },
      commit: 'a1b2c3d',
      ci: CI,
      ...extra,
    });
    expect(reply.status).toBe(201);
    return reply.body;
  };
}

async function kpis(client: TestClient, projectId: string): Promise<ProjectKpis> {
  const reply = await client.get<ProjectKpis>(`/projects/${projectId}/kpis`);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function putCriterion(client: TestClient, projectId: string, body: unknown) {
  expect((await client.put(`/projects/${projectId}/success-criterion`, body)).status).toBe(200);
}

async function portfolioOf(client: TestClient, query = '?sort=name'): Promise<Portfolio> {
  const reply = await client.get<Portfolio>(`/portfolio${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function pricedProject(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace({
    users: [{ name: 'Maria Jensen' }],
    currentMetric: TODAY,
  });
  await putCriterion(admin.client, project.id, HIT_RATE_CRITERION);
  const post = await ciPoster(admin.client, project.id);
  return { admin, team, project, post };
}

describeEachDatabase('the success metric in money on the overview and the portfolio', (env) => {
  it('says why there is no money until a hit rate@N with a value model has a CI run', async () => {
    const { admin, project } = await env().factory.workspace({ currentMetric: TODAY });
    const missing = async () => (await kpis(admin.client, project.id)).money;
    expect(await missing()).toMatchObject({ bestRun: null, money: null, missing: 'no_criterion' });

    await putCriterion(admin.client, project.id, {
      metric: { kind: 'named', name: 'auc', direction: 'increase' },
      threshold: 0.8,
      evaluation: HIT_RATE_CRITERION.evaluation,
    });
    expect((await missing()).missing).toBe('not_hit_rate');

    const { valueModel: _priced, ...unpriced } = HIT_RATE_CRITERION;
    await putCriterion(admin.client, project.id, unpriced);
    expect((await missing()).missing).toBe('no_value_model');

    await putCriterion(admin.client, project.id, HIT_RATE_CRITERION);
    // A manual run is shown, never counted: still no CI run.
    const manual = await admin.client.post(`/projects/${project.id}/runs`, {
      metrics: { hit_rate_at_10: 3 },
      commit: 'a1b2c3d',
    });
    expect(manual.status).toBe(201);
    expect(await missing()).toMatchObject({ bestRun: null, money: null, missing: 'no_ci_run' });
  });

  it('prices the best CI run under the baseline’s strategy against today’s process', async () => {
    const { admin, project, post } = await pricedProject(env());
    await post(1.2);
    const best = await post(1.6);
    await post(1.4);
    // Higher, but evaluated on a sliding window: not comparable, so not the best.
    await post(2.5, {
      evaluation: { ...HIT_RATE_CRITERION.evaluation, trainWindow: 'sliding', trainSize: '90d' },
    });

    const { money } = await kpis(admin.client, project.id);
    expect(money.missing).toBeNull();
    expect(money.bestRun).toEqual({ runId: best.id, value: 1.6 });
    // Best: 1.6 × 25,000 − 10 × 800 = 32,000 a day; × 365 = 11,680,000 a year.
    // Today: 0.85 × 25,000 − 8,000 = 13,250 a day; × 365 = 4,836,250.
    // Difference: (1.6 − 0.85) × 25,000 = 18,750 a day; × 365 = 6,843,750.
    expect(money.money).toMatchObject({
      currency: 'EUR',
      period: 'day',
      periodsPerYear: 365,
      model: { perPeriod: 32_000, perYear: 11_680_000 },
      current: { perPeriod: 13_250, perYear: 4_836_250 },
      difference: { perPeriod: 18_750, perYear: 6_843_750 },
      text: '1.6 caught a day against 0.85 today: +€18,750 a day, about +€6.8 M a year',
    });
    expect(money.rule).toContain('× cost of a missed event');
  });

  it('shows the difference a year per row, for the page’s rows, and nothing it cannot work out', async () => {
    const e = env();
    const { admin, team, project: daily, post } = await pricedProject(e);
    await post(1.6);
    // A weekly criterion in USD: 3.1 caught a week against 2.6 today.
    const weekly = await e.factory.project(
      admin,
      team.id,
      { currentMetric: { name: 'Fraud caught by rules', value: 2.6 } },
      'Weekly fraud list',
    );
    await putCriterion(admin.client, weekly.id, {
      ...HIT_RATE_CRITERION,
      evaluation: { ...HIT_RATE_CRITERION.evaluation, testWindow: '7d', step: '7d' },
      valueModel: { costMissed: 4_000, costIntervention: 50, currency: 'USD' },
    });
    await (
      await ciPoster(admin.client, weekly.id)
    )(3.1);
    // Priced and run, but the scope states no figure for today's process: no difference.
    const noToday = await e.factory.project(admin, team.id, undefined, 'No figure today');
    await putCriterion(admin.client, noToday.id, HIT_RATE_CRITERION);
    await (
      await ciPoster(admin.client, noToday.id)
    )(1.6);
    // No criterion at all.
    const bare = await e.factory.project(admin, team.id, undefined, 'Bare project');

    const all = await portfolioOf(admin.client);
    const worth = Object.fromEntries(all.items.map((p) => [p.id, p.worthVsToday]));
    expect(worth[daily.id]).toEqual({
      perPeriod: 18_750,
      perYear: 6_843_750,
      period: 'day',
      currency: 'EUR',
    });
    // (3.1 − 2.6) × 4,000 = 2,000 a week; 8,760 h / 168 h = 52.142857 weeks: 104,285.71 a year.
    expect(worth[weekly.id]).toEqual({
      perPeriod: 2_000,
      perYear: 104_285.71,
      period: 'week',
      currency: 'USD',
    });
    expect(worth[noToday.id]).toBeNull();
    expect(worth[bare.id]).toBeNull();
    expect(all.workspace.rules.worthVsToday).toContain('difference a year');

    // Read for the page only: each one-row page shows the same row.
    for (let offset = 0; offset < all.total; offset += 1) {
      const one = await portfolioOf(admin.client, `?sort=name&limit=1&offset=${offset}`);
      expect(one.items).toEqual([all.items[offset]]);
    }
  });
});
