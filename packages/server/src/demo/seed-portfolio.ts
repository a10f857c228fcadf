import type { Stage } from '@sextant/core';
import type { Repositories, Store } from '@sextant/db';
import { iso, type Clock } from '../clock.js';
import { refreshAlerts } from '../services/alerts.service.js';
import { createServices, type Services } from '../services/index.js';
import { demoDates, TravelClock, type DemoDates } from './demo-dates.js';
import {
  ENERGY_HISTORY,
  SUPPLIER_HISTORY,
  WELD_HISTORY,
  type DemoProjects,
  type PortfolioIds,
  type StageStep,
} from './demo-histories.js';
import { seedDemoArtifacts } from './seed-artifacts.js';
import { seedDemoDeployments, type DemoCi } from './seed-deployments.js';
import { seedDemoInsights } from './seed-insights.js';
import { seedDemoLedger } from './seed-ledger.js';

const SYSTEM = { userId: null, tokenId: null, ip: null };

/**
 * A stage history written as the stage API writes it, one change per step on its day in
 * the past, so "entered production on …" and the share that reached production count it.
 */
async function writeStageHistory(
  repos: Repositories,
  dates: DemoDates,
  projectId: string,
  ownerId: string,
  steps: readonly StageStep[],
): Promise<void> {
  let from: Stage = 'scoping';
  for (const step of steps) {
    await repos.stageChanges.insert({
      projectId,
      fromStage: from,
      toStage: step.stage,
      note: step.note,
      changedBy: ownerId,
      now: dates.at(step.offset),
    });
    await repos.projects.setStage(projectId, step.stage, dates.at(step.offset));
    from = step.stage;
  }
}

/** Creates a project on its creation day (the services write it as they would have then). */
async function createProjects(
  services: Services,
  travel: TravelClock,
  dates: DemoDates,
  demo: DemoProjects,
): Promise<PortfolioIds> {
  const actor = { ...SYSTEM, userId: demo.owner.id };
  const teamId = demo.teamId;

  travel.setDay(dates.day(ENERGY_HISTORY.created));
  const energy = await services.projects.create(
    {
      teamId,
      name: 'Paint-shop energy forecast',
      scope: {
        why:
          'The paint shop buys electricity a day ahead; forecast misses are settled at spot prices ' +
          'and cost about €180,000 a year.',
        sponsor: 'Claire Martin, Plant Director',
        users: [{ name: 'Jonas Weber', role: 'Energy manager' }],
        currentProcess: 'The energy manager copies last week’s load profile into the order.',
        currentMetric: { name: 'Day-ahead forecast error (MAPE)', value: 14, unit: '%' },
        productization: 'push_to_prod',
      },
    },
    actor,
  );
  await services.goals.create(
    energy.id,
    {
      statement: 'Cut imbalance costs of the paint shop by 35 %',
      metric: 'Imbalance costs',
      direction: 'decrease',
      baseline: 180_000,
      targetChangePct: -35,
      deadline: dates.day(160),
      unit: 'EUR/year',
    },
    actor,
  );
  await services.criteria.put(
    energy.id,
    {
      metric: { kind: 'named', name: 'mape', direction: 'decrease' },
      threshold: 8,
      evaluation: { trainWindow: 'expanding', testWindow: '1d', step: '1d', horizon: '1d' },
    },
    actor,
  );

  travel.setDay(dates.day(WELD_HISTORY.created));
  const weld = await services.projects.create(
    {
      teamId,
      name: 'Weld-seam inspection — body shop',
      scope: {
        why: 'Bad seams found at the end of the line are reworked by hand at €90 a car.',
        sponsor: 'Paul Novak, Head of Quality',
        users: [{ name: 'Irina Popescu', role: 'Body-shop quality engineer' }],
        currentProcess: 'One car in fifty is cut open and its seams measured.',
        productization: 'push_to_prod',
      },
    },
    actor,
  );
  await services.goals.create(
    weld.id,
    {
      statement: 'Halve the rework of weld seams',
      metric: 'Seams reworked',
      direction: 'decrease',
      baseline: 2_400,
      targetChangePct: -50,
      deadline: dates.day(220),
      unit: 'seams/month',
    },
    actor,
  );

  await services.criteria.put(
    weld.id,
    {
      metric: { kind: 'named', name: 'bad_seam_recall', direction: 'increase' },
      threshold: 0.9,
      evaluation: { trainWindow: 'expanding', testWindow: '1w', step: '1w' },
    },
    actor,
  );

  travel.setDay(dates.day(SUPPLIER_HISTORY.created));
  const supplier = await services.projects.create(
    {
      teamId,
      name: 'Supplier delay early warning',
      scope: {
        why: 'Late castings stopped the machining line 11 times last year.',
        sponsor: 'Sofia Lind, Head of Procurement',
        users: [{ name: 'Lea Brandt', role: 'Buyer, castings' }],
        currentProcess: 'Buyers chase suppliers when a delivery is already late.',
        productization: 'hands_off',
      },
    },
    actor,
  );
  await services.goals.create(
    supplier.id,
    {
      statement: 'Flag 75 % of late deliveries a week ahead',
      metric: 'Late deliveries flagged a week ahead',
      direction: 'increase',
      baseline: 10,
      targetChangePct: 650,
      deadline: dates.day(300),
      unit: '%',
    },
    actor,
  );
  await services.criteria.put(
    supplier.id,
    {
      metric: { kind: 'named', name: 'late_flagged_7d', direction: 'increase' },
      threshold: 0.75,
      evaluation: { trainWindow: 'sliding', trainSize: '52w', testWindow: '4w', step: '1w' },
    },
    actor,
  );
  return { energyId: energy.id, weldId: weld.id, supplierId: supplier.id };
}

/**
 * Fills the portfolio pages: a healthy and a failing project in production, one in
 * productization, each with a year of history (stage changes, deployments, insights, the
 * ledger), and artifacts reused across projects. Dates are relative to the clock; the open
 * alerts of every demo project are judged at the end so health is right on first view.
 */
export async function seedDemoPortfolio(
  store: Store,
  clock: Clock,
  demo: DemoProjects,
): Promise<PortfolioIds> {
  const dates = demoDates(clock);
  const travel = new TravelClock(clock.now());
  const services = createServices({ store, clock: travel });
  const ids = await createProjects(services, travel, dates, demo);
  travel.setNow(clock.now());
  const token = await services.tokens.createCi(
    ids.energyId,
    demo.owner,
    { name: 'energy-cd' },
    { ...SYSTEM, userId: demo.owner.id },
  );
  const ci: DemoCi = { projectId: ids.energyId, tokenId: token.id };
  const commits = await store.transaction(async (repos) => {
    const owner = demo.owner.id;
    await writeStageHistory(repos, dates, ids.energyId, owner, ENERGY_HISTORY.steps);
    await writeStageHistory(repos, dates, ids.weldId, owner, WELD_HISTORY.steps);
    await writeStageHistory(repos, dates, ids.supplierId, owner, SUPPLIER_HISTORY.steps);
    const recent = await seedDemoDeployments(repos, dates, ids, ci, owner);
    await seedDemoLedger(repos, dates, ids, owner);
    await seedDemoInsights(repos, dates, ids, owner);
    await seedDemoArtifacts(repos, dates, ids, demo);
    return recent;
  });
  // The CI runs of the last production versions: a baseline, and lead times to show.
  await services.runs.post(
    ids.energyId,
    commits.map((c, i) => ({
      metrics: { mape: Number((9.4 - i * 0.15).toFixed(2)) },
      params: { model: 'gradient_boosting', horizon_hours: 24 },
      commit: c.commit,
      branch: 'main',
      datasetVersion: `meters-${c.version}`,
      startedAt: c.runStartedAt,
      finishedAt: c.runFinishedAt,
      ci: {
        provider: 'github-actions',
        jobId: String(7200 + i),
        jobUrl: `https://github.example/plant/energy/actions/runs/${7200 + i}`,
      },
    })),
    {
      actor: { ...SYSTEM, tokenId: token.id },
      ciProjectId: ids.energyId,
      idempotencyScope: `token:${token.id}`,
      idempotencyKey: null,
    },
    { demo: 'energy' },
  );
  const now = clock.now();
  await store.transaction(async (repos) => {
    for (const id of [demo.pdmId, demo.spareId, demo.churnId, ...Object.values(ids)]) {
      await refreshAlerts(repos, id, now);
    }
    // Seeding is the projects' last edit (setting the stage wrote the stage's day).
    for (const id of Object.values(ids)) await repos.projects.touch(id, iso(now));
  });
  return ids;
}
