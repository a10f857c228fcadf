import { utcDay } from '@sextant/core';
import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import { generatePassword } from '../security/secrets.js';
import type { Services } from '../services/index.js';
import { seedDemoHistory } from './seed-history.js';
import { seedDemoPortfolio } from './seed-portfolio.js';
import { seedDemoProduction } from './seed-production.js';

export const DEMO_EMAIL = 'demo@sextant.local';

/** The demo's operator: the maintenance planner of the predictive-maintenance project. */
export const DEMO_OPERATOR_EMAIL = 'maria.jensen@sextant.local';

export interface DemoSeed {
  email: string;
  /** Freshly generated; printed once and stored only as a hash. */
  password: string;
  projectId: string;
  /** The operator's login (her list of yesterday is left to work through); same rules. */
  operator: { email: string; password: string };
  /** The web path of a read-only sponsor link to the first project; its secret exists only now. */
  sponsorPath: string;
}

/** Who the demo's sponsor link is for, as the project page's list names it. */
export const DEMO_SPONSOR_LINK_NAME = 'Plant manager (demo sponsor)';

const SYSTEM = { userId: null, tokenId: null, ip: null };

/**
 * On first start with an empty database: a predictive-maintenance project in POC
 * (the process article's example, with scope, goal, criterion and risks), a project
 * still in scoping, a second team's project the demo user may only view, and the
 * portfolio: two projects in production (one healthy, one failing) and one in
 * productization, with a year of deployments, insights, ledger and shared artifacts. The
 * first project's production page shows the real Azure predictive-maintenance sample, and
 * its operator (Maria Jensen) has yesterday's daily list to work through.
 * Returns null when the database already has accounts.
 */
export async function seedDemo(
  services: Services,
  store: Store,
  clock: Clock,
): Promise<DemoSeed | null> {
  if ((await store.repos.users.count()) > 0) return null;
  const password = generatePassword();
  const demo = await services.users.create(
    { email: DEMO_EMAIL, name: 'Dana Demo', password, isAdmin: true },
    null,
  );
  const ana = await services.users.create(
    {
      email: 'ana.costa@sextant.local',
      name: 'Ana Costa',
      password: generatePassword(),
      isAdmin: false,
    },
    null,
  );
  const operatorPassword = generatePassword();
  await services.users.create(
    {
      email: DEMO_OPERATOR_EMAIL,
      name: 'Maria Jensen',
      password: operatorPassword,
      isAdmin: false,
    },
    null,
  );
  const asDemo = { ...SYSTEM, userId: demo.id };
  const asAna = { ...SYSTEM, userId: ana.id };

  const reliability = await services.teams.create('Reliability Analytics', asDemo);
  await services.teams.addMember(
    reliability.id,
    { email: DEMO_OPERATOR_EMAIL, role: 'operator' },
    asDemo,
  );
  const pdm = await services.projects.create(
    {
      teamId: reliability.id,
      name: 'Predictive maintenance — press line 3',
      scope: {
        why:
          'Unplanned failures of the 100 presses on line 3 stop production several times a week; ' +
          'each one costs about €25,000 in lost output and emergency repair. The VP Manufacturing ' +
          'wants failures predicted two days ahead, before 7 am, so maintenance can act first.',
        sponsor: 'Henrik Dahl, VP Manufacturing',
        users: [
          { name: 'Maria Jensen', role: 'Maintenance planner (operator)' },
          { role: 'Maintenance technicians, shifts A and B' },
        ],
        currentProcess:
          'Each morning the planner sends the team to the 10 machines that have gone longest ' +
          'without a check. At least one of the 100 machines fails every day.',
        currentMetric: { name: 'Failures caught by inspection', value: 0.4, unit: 'per day' },
        productization: 'push_to_prod',
        pocConstraints: ['resources', 'accuracy'],
      },
    },
    asDemo,
  );
  const deadline = utcDay(new Date(clock.now().getTime() + 240 * 24 * 3600 * 1000));
  const downtime = await services.goals.create(
    pdm.id,
    {
      statement: 'Cut unplanned downtime of press line 3 by 30 %',
      metric: 'Unplanned downtime',
      direction: 'decrease',
      baseline: 1240,
      targetChangePct: -30,
      deadline,
      unit: 'hours/year',
    },
    asDemo,
  );
  // The goal measured on its own metric (maintenance reports, monthly): 1,240 → 1,130 h/year,
  // on pace for the target (868) by the deadline.
  for (const [daysAgo, value] of [
    [90, 1240],
    [60, 1180],
    [30, 1130],
  ] as const) {
    await services.goals.addMeasurement(
      downtime.id,
      {
        value,
        measuredAt: new Date(clock.now().getTime() - daysAgo * 24 * 3600 * 1000).toISOString(),
        source: 'Maintenance report, press line 3 (annualised)',
      },
      { actor: asDemo, ci: false },
    );
  }
  await services.criteria.put(
    pdm.id,
    {
      metric: { kind: 'hit_rate_at_n', n: 10 },
      threshold: 2,
      evaluation: { trainWindow: 'expanding', testWindow: '1d', step: '1d', horizon: '2d' },
      valueModel: { costMissed: 25_000, costIntervention: 800, currency: 'EUR' },
    },
    asDemo,
  );
  await services.risks.create(pdm.id, {
    description:
      "The planner's morning round becomes a ranked list from the model: her role shifts from choosing machines to checking the model's choice.",
    affectedRoles: ['Maintenance planner', 'Maintenance technicians'],
    likelihood: 'high',
    impact: 'medium',
    mitigation: 'Maria joins every sprint demo; the list keeps a manual override with a reason.',
    owner: 'Henrik Dahl',
    status: 'mitigating',
  });
  await services.risks.create(pdm.id, {
    description:
      'Shift agreements fix inspection routes a week ahead; daily re-planning may need a new agreement.',
    affectedRoles: ['Maintenance technicians', 'HR'],
    likelihood: 'medium',
    impact: 'high',
    mitigation: '',
    owner: 'Henrik Dahl',
    status: 'open',
  });
  await services.stages.change(
    pdm.id,
    {
      stage: 'poc',
      note: 'Scope signed off by Henrik; Maria named as the operator. Time is relaxed, resources and accuracy fixed.',
    },
    asDemo,
  );
  await seedDemoHistory(services, clock, pdm.id, demo);
  await seedDemoProduction(services, clock, pdm.id);

  const spare = await services.projects.create(
    {
      teamId: reliability.id,
      name: 'Spare-parts demand forecast',
      scope: {
        why: 'Stock-outs of press spare parts extend repairs by two days on average.',
        sponsor: 'Henrik Dahl, VP Manufacturing',
        users: [{ role: 'Stock manager' }],
      },
    },
    asDemo,
  );

  const customer = await services.teams.create('Customer Analytics', asAna);
  await services.teams.addMember(customer.id, { email: DEMO_EMAIL, role: 'viewer' }, asAna);
  const churn = await services.projects.create(
    {
      teamId: customer.id,
      name: 'Churn early warning',
      scope: {
        why: 'Monthly subscription churn rose from 2.2 % to 3.1 % in a year.',
        sponsor: 'Chief Commercial Officer',
        currentProcess: 'Account managers call customers whose usage dropped last month.',
      },
    },
    asAna,
  );
  await seedDemoPortfolio(store, clock, {
    teamId: reliability.id,
    owner: demo,
    otherTeamUser: ana,
    pdmId: pdm.id,
    spareId: spare.id,
    churnId: churn.id,
  });
  const sponsorLink = await services.sponsorLinks.create(
    pdm.id,
    { name: DEMO_SPONSOR_LINK_NAME, expiresInDays: 365 },
    asDemo,
  );
  return {
    email: DEMO_EMAIL,
    password,
    projectId: pdm.id,
    operator: { email: DEMO_OPERATOR_EMAIL, password: operatorPassword },
    sponsorPath: sponsorLink.path,
  };
}
