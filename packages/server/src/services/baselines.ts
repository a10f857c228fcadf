import {
  baselinePromotedEvent,
  criterionMetricName,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';
import {
  beats,
  bestUnder,
  canonicalEvaluationStrategy,
  type GoalDirection,
  type ScoredRun,
} from '@sextant/core';
import type {
  BaselineRecord,
  Repositories,
  RunRecord,
  SprintRecord,
  SuccessCriterionRecord,
} from '@sextant/db';

/** The success metric as runs report it, and which way is better. */
export interface MetricOfRecord {
  name: string;
  direction: GoalDirection;
  threshold: number;
  fingerprint: string;
  strategy: string;
}

export function metricOfRecord(
  criterion: SuccessCriterionRecord | undefined,
): MetricOfRecord | null {
  if (!criterion) return null;
  return {
    name: criterionMetricName(criterion.metric),
    direction: criterion.metric.kind === 'hit_rate_at_n' ? 'increase' : criterion.metric.direction,
    threshold: criterion.threshold,
    fingerprint: criterion.evaluationFingerprint,
    strategy: canonicalEvaluationStrategy(criterion.evaluation),
  };
}

/** CI runs that carry the metric, as the pure rules see them. */
export function scored(
  runs: readonly Pick<
    RunRecord,
    'id' | 'sprintId' | 'provenance' | 'metrics' | 'evaluationFingerprint'
  >[],
  metric: string,
): ScoredRun[] {
  return runs.flatMap((run) => {
    const value = run.metrics[metric];
    return run.provenance === 'ci' && value !== undefined
      ? [{ id: run.id, sprintId: run.sprintId, value, fingerprint: run.evaluationFingerprint }]
      : [];
  });
}

/**
 * Rule: the first CI run of a project that reports the success metric is the first
 * baseline. Called after CI runs are stored; does nothing once a baseline exists.
 */
export async function ensureFirstBaseline(
  repos: Repositories,
  projectId: string,
  now: string,
): Promise<BaselineRecord | null> {
  if (await repos.baselines.current(projectId)) return null;
  const metric = metricOfRecord(await repos.criteria.find(projectId));
  if (!metric) return null;
  const first = scored(await repos.runs.listCi(projectId), metric.name)[0];
  if (!first) return null;
  const baseline = await repos.baselines.insert({
    projectId,
    runId: first.id,
    metricName: metric.name,
    value: first.value,
    evaluationFingerprint: first.fingerprint,
    reason: 'first_ci_run',
    sprintId: first.sprintId,
    createdAt: now,
  });
  await emitPromoted(repos, baseline, null, now);
  return baseline;
}

/** baseline.promoted, in the promoting write's transaction. */
async function emitPromoted(
  repos: Repositories,
  baseline: BaselineRecord,
  previous: BaselineRecord | null,
  now: string,
): Promise<void> {
  const project = await repos.projects.findById(baseline.projectId);
  if (!project) return;
  await repos.notificationEvents.emit(
    baselinePromotedEvent(
      { id: project.id, name: project.name },
      {
        baselineId: baseline.id,
        runId: baseline.runId,
        metricName: baseline.metricName,
        value: baseline.value,
        reason: baseline.reason,
        sprintId: baseline.sprintId,
      },
      previous ? { runId: previous.runId, value: previous.value } : null,
    ),
    NOTIFICATION_EVENT_VERSION,
    now,
  );
}

/**
 * Rule, at sprint close: the sprint's best CI run on the success metric becomes the new
 * baseline if it beats the current one under the same evaluation fingerprint. Runs under
 * another fingerprint are never compared (the review and an alert say so).
 */
export async function promoteBaselineAtClose(
  repos: Repositories,
  sprint: SprintRecord,
  now: string,
): Promise<BaselineRecord | null> {
  await ensureFirstBaseline(repos, sprint.projectId, now);
  const current = await repos.baselines.current(sprint.projectId);
  const metric = metricOfRecord(await repos.criteria.find(sprint.projectId));
  if (!current || !metric || current.metricName !== metric.name) return null;
  const runs = scored(await repos.runs.listCiForSprint(sprint.id), metric.name);
  const best = bestUnder(runs, current.evaluationFingerprint, metric.direction);
  if (!best || best.id === current.runId) return null;
  if (!beats(metric.direction, best.value, current.value)) return null;
  const promoted = await repos.baselines.insert({
    projectId: sprint.projectId,
    runId: best.id,
    metricName: metric.name,
    value: best.value,
    evaluationFingerprint: best.fingerprint,
    reason: 'sprint_close',
    sprintId: sprint.id,
    createdAt: now,
  });
  await emitPromoted(repos, promoted, current, now);
  return promoted;
}
