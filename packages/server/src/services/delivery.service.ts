import {
  evaluationChangedWarning,
  DELIVERY_RULES,
  computeOverall,
  computePersonDelivery,
  computeSprintSuccess,
  computeTeamTrend,
  DELIVERY_WARNING_RULES,
  type DeliverySprint,
} from '@sextant/core';
import type { Repositories, SprintRecord, StoredWarning, StoryRecord } from '@sextant/db';
import type { ServiceDeps } from './deps.js';
import { ProjectReads } from './project-reads.js';
import { metricOfRecord } from './baselines.js';
import { judgeAlerts, refreshAlerts } from './alerts.service.js';

/** A sprint with its stories as the KPI functions read them. */
export function deliverySprintOf(
  sprint: SprintRecord,
  stories: readonly StoryRecord[],
): DeliverySprint {
  return {
    id: sprint.id,
    number: sprint.number,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    stories: stories
      .filter((story) => story.sprintId === sprint.id)
      .map((story) => ({
        assigneeId: story.assignee?.id ?? null,
        assigneeName: story.assignee?.name ?? null,
        points: story.points,
        outcome: story.outcome,
        addedAfterStart: story.addedAfterStart,
        carriedOver: story.carriedToId !== null,
      })),
  };
}

/** Sprints with their stories as the KPI functions read them. */
export async function gatherDeliverySprints(
  repos: Repositories,
  projectId: string,
): Promise<DeliverySprint[]> {
  const [sprints, stories] = await Promise.all([
    repos.sprints.listForProject(projectId),
    repos.stories.listForProject(projectId),
  ]);
  return sprints.map((sprint) => deliverySprintOf(sprint, stories));
}

/** The evaluation-strategy alert: the latest CI run on the success metric against the baseline. */
export async function evaluationWarning(reads: ProjectReads) {
  const { repos, projectId } = reads;
  const [baseline, criterion] = await Promise.all([reads.currentBaseline(), reads.criterion()]);
  const metric = metricOfRecord(criterion);
  if (!baseline || !metric) return null;
  // Runs on every write and project read: two indexed lookups, never the whole run history.
  const latest = await repos.runs.latestCiReporting(projectId, metric.name);
  const baselineRun =
    latest?.id === baseline.runId ? latest : await repos.runs.findById(baseline.runId);
  return evaluationChangedWarning(
    latest
      ? {
          runId: latest.id,
          fingerprint: latest.evaluationFingerprint,
          strategy: latest.evaluationStrategy,
        }
      : null,
    {
      runId: baseline.runId,
      fingerprint: baseline.evaluationFingerprint,
      strategy: baselineRun?.evaluationStrategy ?? null,
    },
  );
}

/** The delivery warnings among the stored alerts. */
export const deliveryOnly = (open: readonly StoredWarning[]): StoredWarning[] =>
  open.filter((w) => (DELIVERY_WARNING_RULES as readonly string[]).includes(w.rule));

/**
 * Re-judges every alert of the project (alerts.service.ts) after a sprint, story or run
 * write. No caller reads the open warnings back, so none are read again here.
 */
export async function refreshDeliveryWarnings(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<void> {
  await refreshAlerts(repos, projectId, now);
}

export class DeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Open warnings, re-judged now (an active sprint can become overdue overnight). */
  openWarnings(projectId: string): Promise<StoredWarning[]> {
    const { store, clock } = this.deps;
    return judgeAlerts(store, projectId, clock.now()).then(({ stored }) => deliveryOnly(stored));
  }

  /**
   * Every delivery KPI of the project, with the warnings and the rules in words. `judged`:
   * the open alerts a caller has just judged (`judgeAlerts(...).stored`), so they are not
   * judged twice in one request; judged here when not given. `reads`: shared with the rest of
   * the caller's answer.
   */
  async delivery(
    projectId: string,
    judged?: readonly StoredWarning[],
    reads = new ProjectReads(this.deps.store.repos, projectId),
  ) {
    const warnings = judged ? deliveryOnly(judged) : await this.openWarnings(projectId);
    const sprints = await reads.deliverySprints();
    return {
      projectId,
      sprints: sprints.map((sprint) => {
        const success = computeSprintSuccess(sprint);
        const closed = sprint.state === 'closed';
        return {
          id: sprint.id,
          number: sprint.number,
          name: sprint.name,
          state: sprint.state,
          startDate: sprint.startDate,
          endDate: sprint.endDate,
          committed: success.committed,
          delivered: success.delivered,
          addedAfterStart: success.addedAfterStart,
          carriedOver: success.carriedOver,
          successRate: closed ? success.byCount : null,
          successRateByPoints: closed ? success.byPoints : null,
          carryOverRate: closed ? success.carryOver : null,
        };
      }),
      people: computePersonDelivery(sprints),
      trend: computeTeamTrend(sprints),
      overall: computeOverall(sprints),
      warnings,
      rules: { ...DELIVERY_RULES },
    };
  }
}
