import { beforeAll, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  type LedgerEntry,
  type Page,
  type Portfolio,
  type ProductionReport,
  type ProjectKpis,
} from '@sextant/core';
import { seedDemo, type DemoSeed } from '@sextant/server';
import { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';
import { TEST_NOW, testDay } from '../support/test-now.js';

/**
 * What the browser tests and a newcomer read off the demo, on whatever day it is seeded: the
 * suite's day (TEST_NOW), which `npm run test:dates` moves to the calendar's edges (a month's
 * last day, the 1st, the 15th, 31 December, 1 January, 29 February). demo.test.ts checks the
 * hand-computed figures on one fixed day.
 */
describeEachDatabase('demo workspace on the suite’s day', (env) => {
  let seed: DemoSeed;
  let client: TestClient;
  let portfolio: Portfolio;
  const today = testDay();
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const project = (name: string) => {
    const item = portfolio.items.find((p) => p.name.startsWith(name));
    if (!item) throw new Error(`no project ${name}`);
    return item;
  };
  const kpisOf = async (name: string) => {
    const reply = await client.get<ProjectKpis>(`/projects/${project(name).id}/kpis`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  beforeAll(async () => {
    env().clock.set(TEST_NOW);
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

  it(`gives every project the health it was seeded for (${today})`, () => {
    const health = Object.fromEntries(portfolio.items.map((p) => [p.name, p.health]));
    expect(health).toEqual({
      'Churn early warning': expect.any(String),
      'Paint-shop energy forecast': 'green',
      'Predictive maintenance — press line 3': 'green',
      'Spare-parts demand forecast': 'amber',
      'Supplier delay early warning': 'amber',
      'Weld-seam inspection — body shop': 'red',
    });
    expect(portfolio.workspace).toMatchObject({ projects: 6, reachedProduction: 2 });
    expect(project('Paint-shop energy forecast').reasons).toEqual([]);
    expect(project('Weld-seam inspection').reasons.join(' ')).toContain(
      'No production deployment for 75 days',
    );
    expect(project('Weld-seam inspection').reasons.join(' ')).toContain(
      'ROI is not projected to break even',
    );
    expect(project('Supplier delay early warning').reasons.join(' ')).toContain(
      `No actionable insight delivered in ${quarter}`,
    );
  });

  it('books the same ROI whatever the day: the ledger is a count of months, not the calendar', async () => {
    const energy = await kpisOf('Paint-shop energy forecast');
    // 3 build, 2 productization and 13 production months (see demo.test.ts for the sums).
    expect(energy.roi.costs).toBe(144_350);
    expect(energy.roi.realizedReturns).toBe(222_000);
    expect(energy.roi.roi).toBe(0.5379);
    expect(energy.roi.breakEven).toMatchObject({ status: 'reached' });
    // Every entry lies between the project's start and today, this month's included.
    const ledger = await client.get<Page<LedgerEntry>>(
      `/projects/${project('Paint-shop energy forecast').id}/ledger?limit=200`,
    );
    expect(ledger.status).toBe(200);
    const realized = ledger.body.items.filter((e) => e.status === 'realized');
    expect(realized.every((e) => e.date <= today)).toBe(true);
    expect(realized.some((e) => e.date.slice(0, 7) === today.slice(0, 7))).toBe(true);
  });

  it('keeps the healthy project’s recent figures: a release this week, an insight this quarter', async () => {
    const energy = await kpisOf('Paint-shop energy forecast');
    expect(energy.alerts).toEqual([]);
    expect(energy.deployments.daysSinceLastProduction).toBeGreaterThanOrEqual(0);
    expect(energy.deployments.daysSinceLastProduction).toBeLessThanOrEqual(7);
    expect(energy.insights.thisQuarter).toBe(quarter);
    expect(energy.insights.deliveredThisQuarter).toBe(1);
  });

  it('shows the production sample’s days up to yesterday', async () => {
    const reply = await client.get<ProductionReport>(`/projects/${seed.projectId}/production`);
    expect(reply.status).toBe(200);
    const periods = reply.body.periods.map((p) => p.period);
    expect(periods.at(-1)).toBe(addDays(today, -1));
    expect(dayNumber(periods.at(-1)!) - dayNumber(periods[0]!)).toBe(periods.length - 1);
    expect(reply.body.periods.every((p) => p.interventions === 10)).toBe(true);
  });
});
