import {
  businessGoalProgress,
  checkGoalQuantifiable,
  deliveredThisQuarter,
  projectBreakEven,
  countNamedUsers,
  evaluateAlerts,
  evaluateDeliveryWarnings,
  utcDay,
  alertClearedEvent,
  alertOpenedEvent,
  alertRuleSeverity,
  disagreementRisingEvent,
  NOTIFICATION_EVENT_VERSION,
  type Alert,
  type OpenAlert,
  type DeliveryWarning,
  type InsightForKpi,
  type LedgerEntryForRoi,
  type GoalPace,
  type GoalPoint,
  type ProjectAlertFacts,
  type Scope,
} from '@sextant/core';
import type {
  Store,
  StoredWarning,
  GoalRecord,
  ProjectRecord,
  Repositories,
  StageChangeRecord,
} from '@sextant/db';
import { iso } from '../clock.js';
import { ProjectReads } from './project-reads.js';
import { recentDisagreement } from './production.service.js';
import { evaluationWarning } from './evaluation-warning.js';

/** An alert that holds now, with since when (its first judgement) and its stored id. */
const dayOf = (instant: string) => instant.slice(0, 10);

/** What the alert rules read about one project, loaded for one project or many at once. */
export interface AlertInputs {
  /** The project's stage moves, oldest first. */
  changes: readonly Pick<StageChangeRecord, 'toStage' | 'changedAt'>[];
  goals: readonly GoalRecord[];
  runs: { total: number; ci: number };
  hasCiBaseline: boolean;
  closedSprints: number;
  /** When the last successful production deployment finished (an instant), if any. */
  lastProductionSuccess: string | null;
  insights: readonly Pick<InsightForKpi, 'status' | 'acceptedAt'>[];
  ledger: readonly LedgerEntryForRoi[];
  delivery: readonly DeliveryWarning[];
  /** Operator disagreement rates of the last days with predictions, oldest first (none: []). */
  productionDisagreement?: readonly number[];
  /** Each measured goal's pace (none: []). */
  goalPace?: readonly GoalPace[];
}

/** What the rules read of the project itself. */
export type AlertProject = Pick<ProjectRecord, 'id' | 'stage' | 'createdAt'> & {
  scope: Pick<Scope, 'users'>;
};

/** The facts the rules judge, from what was loaded (`today` is `now`'s UTC day). */
export function alertFactsOf(
  project: AlertProject,
  inputs: AlertInputs,
  now: Date,
  today: string = utcDay(now),
): ProjectAlertFacts {
  const firstInto = (stage: string) => {
    const at = inputs.changes.find((c) => c.toStage === stage)?.changedAt;
    return at ? dayOf(at) : null;
  };
  const latestIntoCurrent = inputs.changes
    .filter((c) => c.toStage === project.stage)
    .at(-1)?.changedAt;
  // A filter over the project's insights: cheap, and the portfolio shows it for every stage.
  const insights = deliveredThisQuarter(inputs.insights, today);
  // Only production's rule reads the break-even projection (a least-squares fit).
  const breakEven =
    project.stage === 'production' && inputs.ledger.length > 0
      ? projectBreakEven(inputs.ledger, today)
      : null;
  return {
    projectId: project.id,
    today,
    stage: project.stage,
    stageSince: dayOf(latestIntoCurrent ?? project.createdAt),
    productionSince: firstInto('production'),
    pocEndedOn: firstInto('productization'),
    namedUsers: countNamedUsers(project.scope),
    goals: {
      count: inputs.goals.length,
      quantifiable: inputs.goals.filter((g) => checkGoalQuantifiable(g, now).ok).length,
    },
    runs: {
      total: inputs.runs.total,
      ci: inputs.runs.ci,
      hasCiBaseline: inputs.hasCiBaseline,
      closedSprints: inputs.closedSprints,
    },
    deployments: {
      lastProductionSuccess: inputs.lastProductionSuccess
        ? dayOf(inputs.lastProductionSuccess)
        : null,
    },
    insights: { deliveredThisQuarter: insights.delivered, quarter: insights.quarter },
    roi: {
      entries: inputs.ledger.length,
      breakEvenDate: breakEven?.date ?? null,
      reason: breakEven?.status === 'not_in_sight' ? breakEven.reason : null,
    },
    delivery: inputs.delivery,
    production: { disagreement: inputs.productionDisagreement ?? [] },
    goalPace: inputs.goalPace ?? [],
  };
}

/**
 * Everything the alert rules judge about one project, read in the caller's transaction, or
 * through `reads` that other parts of the same answer share (outside a transaction).
 */
export async function gatherAlertFacts(
  repos: Repositories,
  project: ProjectRecord,
  now: Date,
  reads: ProjectReads = new ProjectReads(repos, project.id),
): Promise<ProjectAlertFacts> {
  const [
    changes,
    goals,
    baseline,
    sprints,
    lastProductionSuccess,
    insights,
    ledger,
    evaluation,
    productionDisagreement,
  ] = await Promise.all([
    repos.stageChanges.listForProject(project.id),
    reads.goals(),
    reads.currentBaseline(),
    reads.deliverySprints(),
    repos.deployments.lastProductionSuccess(project.id),
    reads.insights(),
    reads.ledger(),
    evaluationWarning(reads),
    // Bounded: the last few days of predictions (the primary key leads with the project and day).
    recentDisagreement(repos, project.id),
  ]);
  const goalPace = await goalPaceOf(repos, goals);
  const closedSprints = sprints.filter((s) => s.state === 'closed').length;
  // Counting a project's runs reads all of them: only where the no-CI-baseline rule can fire.
  // This runs after every write (a batch of runs included), so it must not grow with history.
  const runCounts = baseline === undefined && closedSprints > 0 ? await reads.runCounts() : [];
  const count = (provenance?: string) =>
    runCounts
      .filter((c) => !provenance || c.provenance === provenance)
      .reduce((n, c) => n + c.n, 0);
  return alertFactsOf(
    project,
    {
      changes,
      goals,
      runs: { total: count(), ci: count('ci') },
      hasCiBaseline: baseline !== undefined,
      closedSprints,
      lastProductionSuccess,
      insights,
      ledger,
      delivery: [
        ...evaluateDeliveryWarnings(sprints, utcDay(now)),
        ...(evaluation ? [evaluation] : []),
      ],
      productionDisagreement,
      goalPace,
    },
    now,
  );
}

/** A measured goal's pace, as the goal_off_pace rule reads it; null without measurements. */
export function goalPaceFrom(
  goal: GoalRecord,
  measurements: readonly GoalPoint[],
): GoalPace | null {
  if (measurements.length === 0) return null;
  const progress = businessGoalProgress(goal, measurements);
  return {
    goalId: goal.id,
    statement: goal.statement,
    target: goal.target,
    deadline: goal.deadline,
    unit: goal.unit,
    status: progress.status,
    projectedAtDeadline: progress.projectedAtDeadline,
  };
}

/** The pace of each goal that has measurements (one indexed read per goal). */
async function goalPaceOf(repos: Repositories, goals: readonly GoalRecord[]): Promise<GoalPace[]> {
  const paces: GoalPace[] = [];
  for (const goal of goals) {
    const pace = goalPaceFrom(goal, await repos.goalMeasurements.listForGoal(goal.id));
    if (pace) paces.push(pace);
  }
  return paces;
}

/** An alert's identity from one judgement to the next: its rule and what it is about. */
const alertKey = (a: { rule: string; subjectKey: string }) => `${a.rule}\u0000${a.subjectKey}`;

/** Oldest first. */
const bySince = (a: OpenAlert, b: OpenAlert) =>
  a.since === b.since ? 0 : a.since < b.since ? -1 : 1;

/**
 * Judges every alert rule now and brings the stored alerts in line: new ones open (since
 * now), ongoing ones keep their `since` and get today's numbers, ended ones are cleared
 * (kept as history). Each opening and clearing records its event in this transaction, but
 * only the write that changed the row does: a concurrent judgement that finds the alert
 * already opened or cleared records nothing. Returns the open alerts, oldest first.
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
  const storedByKey = new Map(stored.map((s) => [alertKey(s), s]));
  const open: OpenAlert[] = [];
  const emit = (event: Parameters<Repositories['notificationEvents']['emit']>[0]) =>
    repos.notificationEvents.emit(event, NOTIFICATION_EVENT_VERSION, at);
  for (const alert of current) {
    const existing = storedByKey.get(alertKey(alert));
    if (!existing) {
      const id = await repos.deliveryWarnings.open({
        projectId,
        rule: alert.rule,
        subjectKey: alert.subjectKey,
        message: alert.message,
        details: alert.details,
        now: at,
      });
      if (id === null) {
        // Opened by a concurrent judgement, which told about it: take its row.
        const row = (await repos.deliveryWarnings.listOpen(projectId)).find(
          (s) => alertKey(s) === alertKey(alert),
        );
        if (row) open.push({ ...alert, id: row.id, since: row.firstSeenAt });
        continue;
      }
      await emit(alertOpenedEvent(project, { ...alert, id, since: at, path: alert.action.path }));
      if (alert.rule === 'operator_disagreement_rising') {
        await emit(
          disagreementRisingEvent(project, id, {
            rates: (alert.details.rates as number[] | undefined) ?? [],
            periods: Number(alert.details.periods ?? 0),
          }),
        );
      }
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
  const holding = new Set(current.map(alertKey));
  for (const old of stored) {
    if (holding.has(alertKey(old))) continue;
    if (!(await repos.deliveryWarnings.clear(old.id, at))) continue;
    await emit(
      alertClearedEvent(
        project,
        {
          id: old.id,
          rule: old.rule as OpenAlert['rule'],
          severity: alertRuleSeverity(old.rule as OpenAlert['rule'], project.stage),
          message: old.message,
          details: old.details,
          since: old.firstSeenAt,
        },
        at,
      ),
    );
  }
  return open.sort(bySince);
}

/** True when the stored open alerts say exactly what the rules say now. */
function inSync(current: readonly Alert[], stored: readonly StoredWarning[]): boolean {
  if (current.length !== stored.length) return false;
  const byKey = new Map(stored.map((s) => [alertKey(s), s]));
  return current.every((alert) => {
    const existing = byKey.get(alertKey(alert));
    return (
      existing !== undefined &&
      existing.message === alert.message &&
      JSON.stringify(existing.details) === JSON.stringify(alert.details)
    );
  });
}

/**
 * The alerts judged now, for reads: the facts are read outside any transaction (on
 * PostgreSQL in parallel over the pool), and only when the stored alerts differ from what
 * the rules say does `refreshAlerts` run, in a write transaction. Most reads write nothing.
 * Returns the open alerts and the stored rows they came from.
 */
export async function judgeAlerts(
  store: Pick<Store, 'repos' | 'transaction'>,
  projectId: string,
  now: Date,
  reads: ProjectReads = new ProjectReads(store.repos, projectId),
): Promise<{ alerts: OpenAlert[]; stored: StoredWarning[] }> {
  const { repos } = store;
  const project = await reads.project();
  if (!project) return { alerts: [], stored: [] };
  const [facts, stored] = await Promise.all([
    gatherAlertFacts(repos, project, now, reads),
    repos.deliveryWarnings.listOpen(projectId),
  ]);
  const current = evaluateAlerts(facts);
  if (inSync(current, stored)) {
    const byKey = new Map(stored.map((w) => [alertKey(w), w]));
    const alerts = current.map((alert) => {
      const row = byKey.get(alertKey(alert)) as StoredWarning;
      return { ...alert, id: row.id, since: row.firstSeenAt };
    });
    alerts.sort(bySince);
    return { alerts, stored };
  }
  return store.transaction(async (trx) => {
    const alerts = await refreshAlerts(trx, projectId, now);
    return { alerts, stored: await trx.deliveryWarnings.listOpen(projectId) };
  });
}
