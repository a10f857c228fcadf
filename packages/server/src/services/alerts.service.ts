import {
  checkGoalQuantifiable,
  computeInsightKpis,
  computeRoi,
  countNamedUsers,
  evaluateAlerts,
  evaluateDeliveryWarnings,
  judgeHealth,
  PRODUCTION_ENVIRONMENT,
  utcDay,
  type Alert,
  type HealthJudgement,
  type ProjectAlertFacts,
} from '@sextant/core';
import type { ProjectRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import { evaluationWarning, gatherDeliverySprints } from './delivery.service.js';

/** An alert that holds now, with since when (its first judgement) and its stored id. */
export type OpenAlert = Alert & { id: string; since: string };

const dayOf = (instant: string) => instant.slice(0, 10);

/** Everything the alert rules judge about one project, read in the caller's transaction. */
export async function gatherAlertFacts(
  repos: Repositories,
  project: ProjectRecord,
  now: Date,
): Promise<ProjectAlertFacts> {
  const today = utcDay(now);
  const [changes, goals, runCounts, baseline, sprints, deployments, insights, ledger] =
    await Promise.all([
      repos.stageChanges.listForProject(project.id),
      repos.goals.listForProject(project.id),
      repos.runs.countBySprint(project.id),
      repos.baselines.current(project.id),
      gatherDeliverySprints(repos, project.id),
      repos.deployments.listAll(project.id),
      repos.insights.listForProject(project.id),
      repos.ledger.listForProject(project.id),
    ]);
  const firstInto = (stage: string) => changes.find((c) => c.toStage === stage)?.changedAt;
  const latestIntoCurrent = changes.filter((c) => c.toStage === project.stage).at(-1)?.changedAt;
  const lastProductionSuccess = deployments
    .filter((d) => d.environment === PRODUCTION_ENVIRONMENT && d.status === 'succeeded')
    .map((d) => d.finishedAt)
    .sort()
    .at(-1);
  const insightKpis = computeInsightKpis(insights, today);
  const { breakEven } = computeRoi(ledger, today);
  const evaluation = await evaluationWarning(repos, project.id);
  return {
    projectId: project.id,
    today,
    stage: project.stage,
    stageSince: dayOf(latestIntoCurrent ?? project.createdAt),
    productionSince: (() => {
      const at = firstInto('production');
      return at ? dayOf(at) : null;
    })(),
    pocEndedOn: (() => {
      const at = firstInto('productization');
      return at ? dayOf(at) : null;
    })(),
    namedUsers: countNamedUsers(project.scope),
    goals: {
      count: goals.length,
      quantifiable: goals.filter((g) => checkGoalQuantifiable(g, now).ok).length,
    },
    runs: {
      total: runCounts.reduce((sum, c) => sum + c.n, 0),
      ci: runCounts.filter((c) => c.provenance === 'ci').reduce((sum, c) => sum + c.n, 0),
      hasCiBaseline: baseline !== undefined,
      closedSprints: sprints.filter((s) => s.state === 'closed').length,
    },
    deployments: {
      lastProductionSuccess: lastProductionSuccess ? dayOf(lastProductionSuccess) : null,
    },
    insights: {
      deliveredThisQuarter: insightKpis.deliveredThisQuarter,
      quarter: insightKpis.thisQuarter,
    },
    roi: {
      entries: ledger.length,
      breakEvenDate: breakEven.date,
      reason: breakEven.status === 'not_in_sight' ? breakEven.reason : null,
    },
    delivery: [...evaluateDeliveryWarnings(sprints, today), ...(evaluation ? [evaluation] : [])],
  };
}

/**
 * Judges every alert rule now and brings the stored alerts in line: new ones open (since
 * now), ongoing ones keep their `since` and get today's numbers, ended ones are cleared
 * (kept as history). Returns the open alerts, oldest first.
 */
export async function refreshAlerts(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<OpenAlert[]> {
  const project = await repos.projects.findById(projectId);
  if (!project) return [];
  const current = evaluateAlerts(await gatherAlertFacts(repos, project, now));
  const stored = await repos.deliveryWarnings.listOpen(projectId);
  const at = iso(now);
  const key = (a: { rule: string; subjectKey: string }) => `${a.rule}\u0000${a.subjectKey}`;
  const storedByKey = new Map(stored.map((s) => [key(s), s]));
  const open: OpenAlert[] = [];
  for (const alert of current) {
    const existing = storedByKey.get(key(alert));
    if (!existing) {
      const id = await repos.deliveryWarnings.open({
        projectId,
        rule: alert.rule,
        subjectKey: alert.subjectKey,
        message: alert.message,
        details: alert.details,
        now: at,
      });
      open.push({ ...alert, id, since: at });
      continue;
    }
    if (
      existing.message !== alert.message ||
      JSON.stringify(existing.details) !== JSON.stringify(alert.details)
    ) {
      await repos.deliveryWarnings.refresh(existing.id, alert.message, alert.details, at);
    }
    open.push({ ...alert, id: existing.id, since: existing.firstSeenAt });
  }
  const holding = new Set(current.map(key));
  for (const old of stored) {
    if (!holding.has(key(old))) await repos.deliveryWarnings.clear(old.id, at);
  }
  return open.sort((a, b) => (a.since === b.since ? 0 : a.since < b.since ? -1 : 1));
}

/** The open alerts and the health they make. */
export async function alertsAndHealth(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<{ alerts: OpenAlert[]; health: HealthJudgement }> {
  const alerts = await refreshAlerts(repos, projectId, now);
  return { alerts, health: judgeHealth(alerts) };
}
