import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import {
  addDays,
  type ArtifactList,
  type Portfolio,
  type OperatorList,
  type ProductionReport,
  type ProjectKpis,
} from '@sextant/core';
import { seedDemo, type DemoSeed } from '@sextant/server';
import { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';

const SAMPLE = fileURLToPath(new URL('../../../../examples/azure-pdm/', import.meta.url));

/** A Monday; the quarter began on 1 October 2026. */
const NOW = new Date('2026-11-23T12:00:00Z');

describeEachDatabase('demo workspace', (env) => {
  let seed: DemoSeed;
  let client: TestClient;
  let portfolio: Portfolio;
  const idOf = (name: string) => {
    const item = portfolio.items.find((p) => p.name === name);
    if (!item) throw new Error(`no project ${name}`);
    return item.id;
  };

  beforeAll(async () => {
    env().clock.set(NOW);
    const seeded = await seedDemo(env().services, env().store, env().clock);
    if (!seeded) throw new Error('the demo was not seeded');
    seed = seeded;
    client = new TestClient(env().app);
    const login = await client.post('/auth/login', { email: seed.email, password: seed.password });
    expect(login.status).toBe(200);
    const reply = await client.get<Portfolio>('/portfolio?sort=name');
    expect(reply.status).toBe(200);
    portfolio = reply.body;
  });

  it('shows the Azure sample on the predictive-maintenance project’s production page', async () => {
    const reply = await client.get<ProductionReport>(`/projects/${seed.projectId}/production`);
    expect(reply.status).toBe(200);
    const report = reply.body;
    // The last 28 days; the sample's last day is yesterday's.
    expect(report.periods.map((p) => p.period)).toEqual(
      Array.from({ length: 27 }, (_, k) => addDays('2026-10-27', k)),
    );
    expect(report.n).toBe(10);
    expect(report.periods.every((p) => p.interventions === 10)).toBe(true);
    // Each day's events are the sample's machines failing that day or the next (a 2-day
    // horizon), read here from the sample itself, moved by the same number of days.
    const failures = readFileSync(join(SAMPLE, 'PdM_failures.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => ({ day: line.slice(0, 10), machine: line.split(',')[1]! }));
    const shift = (Date.parse('2026-11-22') - Date.parse('2020-12-31')) / 86_400_000;
    const failing = (day: string) =>
      new Set(
        failures
          .filter((f) => [day, addDays(day, 1)].includes(addDays(f.day, shift)))
          .map((f) => f.machine),
      ).size;
    expect(report.periods.map((p) => p.events)).toEqual(
      report.periods.map((p) => failing(p.period)),
    );
    expect(report.totals.events).toBeGreaterThan(50);
    expect(report.reasons.map((r) => r.reason).sort()).toEqual([
      'Inspected the day before',
      'Machine in a planned stop',
      'Noise reported by the night shift',
      'Not checked for the longest time',
      'Parts not in stock',
    ]);
  });

  it('has an operator, Maria, with yesterday’s list of the top 10 to work through', async () => {
    const maria = new TestClient(env().app);
    const login = await maria.post('/auth/login', seed.operator);
    expect(login.status).toBe(200);
    const projects = await maria.get<{ items: { id: string; role: string }[] }>('/projects');
    // The team's projects, as their operator.
    expect(projects.body.items.map((p) => p.id)).toContain(seed.projectId);
    expect(projects.body.items.every((p) => p.role === 'operator')).toBe(true);
    const list = await maria.get<OperatorList>(`/projects/${seed.projectId}/production/list`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ status: 'ready', period: '2026-11-22', n: 10 });
    expect(list.body.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list.body.rows.every((r) => r.decision === null)).toBe(true);
    expect(list.body.reasons).toContain('Machine in a planned stop');
    // The day before was decided, as every earlier one.
    const before = await maria.get<OperatorList>(
      `/projects/${seed.projectId}/production/list?period=2026-11-21`,
    );
    expect(before.body.rows.every((r) => r.decision !== null)).toBe(true);
    // Not the rest of the project.
    expect((await maria.get(`/projects/${seed.projectId}/sprints`)).status).toBe(403);
  });

  it('makes a sponsor link to the predictive-maintenance project that opens its view', async () => {
    expect(seed.sponsorPath).toMatch(/^\/sponsor\/[A-Za-z0-9_-]{43}$/);
    const token = seed.sponsorPath.replace('/sponsor/', '');
    const view = await new TestClient(env().app).get<{ project: { id: string } }>(
      `/sponsor-view/${token}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.project.id).toBe(seed.projectId);
  });

  it('seeds only once', async () => {
    expect(await seedDemo(env().services, env().store, env().clock)).toBeNull();
  });

  it('shows a portfolio of six projects in every health, two of which reached production', () => {
    const rows = portfolio.items.map((p) => `${p.name} | ${p.stage} | ${p.teamName}`);
    expect(rows).toEqual([
      'Churn early warning | scoping | Customer Analytics',
      'Paint-shop energy forecast | production | Reliability Analytics',
      'Predictive maintenance — press line 3 | poc | Reliability Analytics',
      'Spare-parts demand forecast | scoping | Reliability Analytics',
      'Supplier delay early warning | productization | Reliability Analytics',
      'Weld-seam inspection — body shop | production | Reliability Analytics',
    ]);
    const health = Object.fromEntries(portfolio.items.map((p) => [p.name, p.health]));
    expect(health['Paint-shop energy forecast']).toBe('green');
    expect(health['Weld-seam inspection — body shop']).toBe('red');
    expect(health['Supplier delay early warning']).toBe('amber');
    // No goal and no named user yet: it will go wrong unless someone acts.
    expect(health['Spare-parts demand forecast']).toBe('amber');
    const { workspace } = portfolio;
    expect(workspace.projects).toBe(6);
    expect(workspace.reachedProduction).toBe(2);
    expect(workspace.reachedProductionShare).toBeCloseTo(2 / 6, 6);
    expect(workspace.industryShare).toBe(0.2);
    expect(workspace.perStage).toMatchObject({ production: 2, productization: 1, poc: 1 });
    expect(workspace.perStage.scoping).toBe(2);
  });

  it('says why the failing production project is red', () => {
    const weld = portfolio.items.find((p) => p.name === 'Weld-seam inspection — body shop');
    // The last production release that succeeded was 75 days ago (2026-09-09).
    expect(weld?.reasons.join(' ')).toContain('No production deployment for 75 days');
    expect(weld?.reasons.join(' ')).toContain('ROI is not projected to break even');
    const supplier = portfolio.items.find((p) => p.name === 'Supplier delay early warning');
    expect(supplier?.reasons.join(' ')).toContain('No actionable insight delivered in 2026-Q4');
  });

  it('fills the healthy production project’s KPIs: a year of deployments, insights and ROI', async () => {
    const reply = await client.get<ProjectKpis>(
      `/projects/${idOf('Paint-shop energy forecast')}/kpis`,
    );
    expect(reply.status).toBe(200);
    const kpis = reply.body;
    expect(kpis.health.health).toBe('green');
    expect(kpis.alerts).toEqual([]);
    // A production release every Friday (the last on 2026-11-20): the Fridays of each month.
    expect(kpis.deployments.perMonth).toEqual([
      { month: '2025-12', count: 4 },
      { month: '2026-01', count: 5 },
      { month: '2026-02', count: 4 },
      { month: '2026-03', count: 4 },
      { month: '2026-04', count: 4 },
      { month: '2026-05', count: 5 },
      { month: '2026-06', count: 4 },
      { month: '2026-07', count: 5 },
      { month: '2026-08', count: 4 },
      { month: '2026-09', count: 4 },
      { month: '2026-10', count: 5 },
      { month: '2026-11', count: 3 },
    ]);
    expect(kpis.deployments.daysSinceLastProduction).toBe(3);
    // Accepted on 2026-11-13 (ten days ago), worth €18,000.
    expect(kpis.insights.thisQuarter).toBe('2026-Q4');
    expect(kpis.insights.deliveredThisQuarter).toBe(1);
    expect(kpis.insights.valueThisQuarter).toEqual([{ amount: 18_000, currency: 'EUR' }]);
    // Costs: 3 build months × €10,050 + 2 productization months × €17,450 + 13 production
    // months × €6,100 = €144,350. Savings: 4,000 + 6,500 + … + 21,500 then 5 × 24,000 = €222,000.
    expect(kpis.roi.costs).toBe(144_350);
    expect(kpis.roi.realizedReturns).toBe(222_000);
    expect(kpis.roi.roi).toBe(0.5379);
    // The cumulative net (−€65,050 before production) turns positive in July 2026.
    expect(kpis.roi.breakEven).toMatchObject({ status: 'reached', month: '2026-07' });
    expect(kpis.runs.ci).toBe(8);
    expect(kpis.runs.baselineValue).not.toBeNull();
    expect(kpis.goal.quantifiableGoals).toBe(1);
    expect(kpis.artifacts.produced).toBe(2);
  });

  it('prices the predictive-maintenance project’s best CI run on its overview and in the portfolio', async () => {
    const reply = await client.get<ProjectKpis>(`/projects/${seed.projectId}/kpis`);
    expect(reply.status).toBe(200);
    // Best CI run 1.6 failures caught a day against the planner's 0.4: (1.6 − 0.4) × €25,000.
    expect(reply.body.money.money?.text).toBe(
      '1.6 caught a day against 0.4 today: +€30,000 a day, about +€11 M a year',
    );
    const worth = Object.fromEntries(portfolio.items.map((p) => [p.name, p.worthVsToday]));
    expect(worth['Predictive maintenance — press line 3']).toEqual({
      perPeriod: 30_000,
      perYear: 10_950_000,
      period: 'day',
      currency: 'EUR',
    });
    // The other projects' criteria are not a hit rate@N with a value model.
    expect(Object.values(worth).filter((w) => w !== null)).toHaveLength(1);
  });

  it('lists artifacts reused by other projects, the other team’s reuse included', async () => {
    const reply = await client.get<ArtifactList>('/artifacts?sort=name');
    expect(reply.status).toBe(200);
    const rows = reply.body.items.map(
      (a) =>
        `${a.name} | ${a.producedBy.visible ? a.producedBy.projectName : '?'} | ${a.reuseCount}`,
    );
    expect(rows).toEqual([
      'Day-ahead gradient-boosting forecaster | Paint-shop energy forecast | 1',
      'Plant calendar and shift table | Paint-shop energy forecast | 3',
      'Press sensor daily features | Predictive maintenance — press line 3 | 2',
      'Supplier master-data cleaner | Supplier delay early warning | 2',
      'Time-based backtest template | Predictive maintenance — press line 3 | 3',
      'Weld-seam image set, labelled | Weld-seam inspection — body shop | 0',
    ]);
    const template = reply.body.items.find((a) => a.name === 'Time-based backtest template');
    expect(template?.reuses.map((r) => r.projectName).sort()).toEqual([
      'Churn early warning',
      'Paint-shop energy forecast',
      'Supplier delay early warning',
    ]);
  });
});
