import {
  checkGoalQuantifiable,
  GOAL_PROGRESS_RULE,
  goalProgress,
  HEALTH_RULE,
  judgeHealth,
  type GoalKpis,
  type MoneyKpis,
  type ProjectKpis,
  type RunKpis,
} from '@sextant/core';
import { iso } from '../clock.js';
import { presentAlert } from '../presenters/alerts.js';
import { judgeAlerts } from './alerts.service.js';
import { metricOfRecord } from './baselines.js';
import type { ServiceDeps } from './deps.js';
import { bestCiRun, criterionMoney, hasValueModel, MONEY_RULE } from './money.js';
import { ProjectReads } from './project-reads.js';
import type { ArtifactService } from './artifacts.service.js';
import type { DeliveryService } from './delivery.service.js';
import type { DeploymentService } from './deployments.service.js';
import type { InsightService } from './insights.service.js';
import type { LedgerService } from './ledger.service.js';

export const RUN_COUNTS_RULE =
  'Runs posted, by provenance: only CI runs (posted with the project’s CI token and CI metadata) count for baselines, charts of record and KPIs.';

/** How far the success metric went from the first baseline towards the threshold. */
export async function goalKpis(reads: ProjectReads, now: Date): Promise<GoalKpis> {
  const [goals, criterion, baselines] = await Promise.all([
    reads.goals(),
    reads.criterion(),
    reads.baselines(),
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

async function runKpis(reads: ProjectReads): Promise<RunKpis> {
  const [counts, baseline] = await Promise.all([reads.runCounts(), reads.currentBaseline()]);
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

/** The project's best CI run in money against today's process, or why there is none. */
async function moneyKpis(reads: ProjectReads): Promise<MoneyKpis> {
  const [criterion, baseline, project] = await Promise.all([
    reads.criterion(),
    reads.currentBaseline(),
    reads.project(),
  ]);
  // The runs are read only where they can be worth money.
  const runs = hasValueModel(criterion)
    ? await reads.repos.runs.listCiScores([reads.projectId])
    : [];
  const best = bestCiRun(runs, criterion, baseline);
  const { money, missing } = criterionMoney(
    criterion,
    project?.scope.currentMetric?.value ?? null,
    best?.value ?? null,
  );
  return {
    bestRun: best && { runId: best.id, value: best.value },
    money,
    missing,
    rule: MONEY_RULE,
  };
}

/** `GET /projects/{id}/kpis`: every KPI family, the open alerts (judged now) and health. */
export class ProjectKpiService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: {
      delivery: DeliveryService;
      deployments: DeploymentService;
      artifacts: ArtifactService;
      insights: InsightService;
      ledger: LedgerService;
    },
  ) {}

  async kpis(projectId: string): Promise<ProjectKpis> {
    const { store, clock } = this.deps;
    const now = clock.now();
    // The alerts and the families read largely the same rows: each is read once.
    const reads = new ProjectReads(store.repos, projectId);
    const { alerts, stored } = await judgeAlerts(store, projectId, now, reads);
    const { services } = this;
    const [goal, delivery, runs, money, deployments, artifacts, insights, roi] = await Promise.all([
      goalKpis(reads, now),
      services.delivery.delivery(projectId, stored, reads),
      runKpis(reads),
      moneyKpis(reads),
      services.deployments.kpis(projectId, now),
      services.artifacts.kpis(projectId),
      services.insights.kpis(projectId, now, reads),
      services.ledger.roi(projectId, now, reads),
    ]);
    return {
      projectId,
      asOf: iso(now),
      goal,
      delivery,
      runs,
      money,
      deployments,
      artifacts,
      insights,
      roi,
      alerts: alerts.map(presentAlert),
      health: { ...judgeHealth(alerts), rule: HEALTH_RULE },
    };
  }
}
