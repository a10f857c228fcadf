import {
  checkGoalQuantifiable,
  GOAL_PROGRESS_RULE,
  goalProgress,
  HEALTH_RULE,
  judgeHealth,
  type GoalKpis,
  type ProjectKpis,
  type RunKpis,
} from '@sextant/core';
import type { Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import { presentAlert } from '../presenters/alerts.js';
import { presentWarning } from '../presenters/index.js';
import { judgeAlerts } from './alerts.service.js';
import { metricOfRecord } from './baselines.js';
import type { ServiceDeps } from './deps.js';
import type { Services } from './index.js';

export const RUN_COUNTS_RULE =
  'Runs posted, by provenance: only CI runs (posted with the project’s CI token and CI metadata) count for baselines, charts of record and KPIs.';

/** How far the success metric went from the first baseline towards the threshold. */
export async function goalKpis(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<GoalKpis> {
  const [goals, criterion, baselines] = await Promise.all([
    repos.goals.listForProject(projectId),
    repos.criteria.find(projectId),
    repos.baselines.listForProject(projectId),
  ]);
  const metric = metricOfRecord(criterion);
  const first = baselines[0];
  const current = baselines.at(-1);
  return {
    goals: goals.length,
    quantifiableGoals: goals.filter((g) => checkGoalQuantifiable(g, now).ok).length,
    metric: metric?.name ?? null,
    threshold: metric?.threshold ?? null,
    firstBaseline: first?.value ?? null,
    currentBaseline: current?.value ?? null,
    progress: goalProgress(metric?.threshold ?? null, first?.value ?? null, current?.value ?? null),
    rule: GOAL_PROGRESS_RULE,
  };
}

async function runKpis(repos: Repositories, projectId: string): Promise<RunKpis> {
  const [counts, baseline] = await Promise.all([
    repos.runs.countByProject([projectId]),
    repos.baselines.current(projectId),
  ]);
  const ci = counts.filter((c) => c.provenance === 'ci').reduce((sum, c) => sum + c.n, 0);
  const manual = counts.filter((c) => c.provenance === 'manual').reduce((sum, c) => sum + c.n, 0);
  return {
    total: ci + manual,
    ci,
    manual,
    baselineValue: baseline?.value ?? null,
    baselineRunId: baseline?.runId ?? null,
    rule: RUN_COUNTS_RULE,
  };
}

/** `GET /projects/{id}/kpis`: every KPI family, the open alerts (judged now) and health. */
export class ProjectKpiService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: Pick<
      Services,
      'delivery' | 'deployments' | 'artifacts' | 'insights' | 'ledger'
    >,
  ) {}

  async kpis(projectId: string): Promise<ProjectKpis> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const { alerts, stored } = await judgeAlerts(store, projectId, now);
    const { services } = this;
    const [goal, delivery, runs, deployments, artifacts, insights, roi] = await Promise.all([
      goalKpis(store.repos, projectId, now),
      services.delivery.delivery(projectId, stored),
      runKpis(store.repos, projectId),
      services.deployments.kpis(projectId, now),
      services.artifacts.kpis(projectId),
      services.insights.kpis(projectId, now),
      services.ledger.roi(projectId, now),
    ]);
    return {
      projectId,
      asOf: iso(now),
      goal,
      delivery: { ...delivery, warnings: delivery.warnings.map(presentWarning) },
      runs,
      deployments,
      artifacts,
      insights,
      roi,
      alerts: alerts.map(presentAlert),
      health: { ...judgeHealth(alerts), rule: HEALTH_RULE },
    };
  }
}
