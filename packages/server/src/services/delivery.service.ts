import {
  evaluationChangedWarning,
  DELIVERY_RULES,
  computeOverall,
  computePersonDelivery,
  computeSprintSuccess,
  computeTeamTrend,
  evaluateDeliveryWarnings,
  utcDay,
  type DeliverySprint,
} from '@sextant/core';
import type { Repositories, StoredWarning } from '@sextant/db';
import { iso } from '../clock.js';
import type { ServiceDeps } from './deps.js';
import { metricOfRecord } from './baselines.js';

/** Sprints with their stories as the KPI functions read them. */
export async function gatherDeliverySprints(
  repos: Repositories,
  projectId: string,
): Promise<DeliverySprint[]> {
  const [sprints, stories] = await Promise.all([
    repos.sprints.listForProject(projectId),
    repos.stories.listForProject(projectId),
  ]);
  return sprints.map((sprint) => ({
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
  }));
}

/** The evaluation-strategy alert: the latest CI run on the success metric against the baseline. */
async function evaluationWarning(repos: Repositories, projectId: string) {
  const baseline = await repos.baselines.current(projectId);
  const metric = metricOfRecord(await repos.criteria.find(projectId));
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

/**
 * Brings the stored warnings in line with what the rules say today: new ones open
 * (since now), ongoing ones keep their `since` and get today's numbers, ended ones are
 * cleared. Returns the open warnings.
 */
export async function refreshDeliveryWarnings(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<StoredWarning[]> {
  const runWarning = await evaluationWarning(repos, projectId);
  const current = [
    ...evaluateDeliveryWarnings(await gatherDeliverySprints(repos, projectId), utcDay(now)),
    ...(runWarning ? [runWarning] : []),
  ];
  const stored = await repos.deliveryWarnings.listOpen(projectId);
  const at = iso(now);
  let changed = false;
  for (const warning of current) {
    const existing = stored.find(
      (s) => s.rule === warning.rule && s.subjectKey === warning.subjectKey,
    );
    if (!existing) {
      await repos.deliveryWarnings.open({ projectId, ...warning, now: at });
      changed = true;
    } else if (
      existing.message !== warning.message ||
      JSON.stringify(existing.details) !== JSON.stringify(warning.details)
    ) {
      await repos.deliveryWarnings.refresh(existing.id, warning.message, warning.details, at);
      changed = true;
    }
  }
  for (const old of stored) {
    if (!current.some((w) => w.rule === old.rule && w.subjectKey === old.subjectKey)) {
      await repos.deliveryWarnings.clear(old.id, at);
      changed = true;
    }
  }
  return changed ? repos.deliveryWarnings.listOpen(projectId) : stored;
}

export class DeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Open warnings, re-judged now (an active sprint can become overdue overnight). */
  openWarnings(projectId: string): Promise<StoredWarning[]> {
    const { store, clock } = this.deps;
    return store.transaction((repos) => refreshDeliveryWarnings(repos, projectId, clock.now()));
  }

  /** Every delivery KPI of the project, with the warnings and the rules in words. */
  async delivery(projectId: string) {
    const warnings = await this.openWarnings(projectId);
    const sprints = await gatherDeliverySprints(this.deps.store.repos, projectId);
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
