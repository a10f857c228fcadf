import { formatMetricText } from './numbers-format.js';
import type { DeliveryWarning } from './delivery-warnings.js';
import type { GoalDirection } from './goal.js';

export const PROVENANCES = ['ci', 'manual'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const DECISIONS = ['continue', 'objectives_met', 'drop'] as const;
export type Decision = (typeof DECISIONS)[number];

export const RUN_LIMITS = { metrics: 1_000, params: 1_000, batch: 1_000 } as const;

/** How long an Idempotency-Key answer is kept for replay. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * Provenance rule: a run is `ci` only when it was posted with a CI token of this very
 * project *and* carries CI metadata (provider, job id, job URL); every other run is manual.
 */
export function provenanceOf(input: {
  ciTokenProjectId: string | null;
  projectId: string;
  hasCiMetadata: boolean;
}): Provenance {
  return input.ciTokenProjectId === input.projectId && input.hasCiMetadata ? 'ci' : 'manual';
}

/** Whether `candidate` beats `current` in the metric's direction (a tie does not beat). */
export function beats(direction: GoalDirection, candidate: number, current: number): boolean {
  return direction === 'increase' ? candidate > current : candidate < current;
}

/** What the review needs of a CI run: its value of the success metric and its strategy. */
export interface ScoredRun {
  id: string;
  sprintId: string | null;
  value: number;
  fingerprint: string | null;
}

/** The best of runs under one strategy (ties go to the earlier run); null when there is none. */
export function bestUnder(
  runs: readonly ScoredRun[],
  fingerprint: string | null,
  direction: GoalDirection,
): ScoredRun | null {
  let best: ScoredRun | null = null;
  for (const run of runs) {
    if (run.fingerprint !== fingerprint) continue;
    if (best === null || beats(direction, run.value, best.value)) best = run;
  }
  return best;
}

/** Whether a value meets the threshold in the metric's direction. */
export function meetsThreshold(direction: GoalDirection, value: number, threshold: number) {
  return direction === 'increase' ? value >= threshold : value <= threshold;
}

export const FORECAST_SETTINGS = {
  /** How many of the latest sprints with a CI value the pace is measured over. */
  window: 4,
  /** Beyond this many sprints the threshold is "not in sight" even at a positive pace. */
  horizonSprints: 26,
} as const;

export const FORECAST_METHOD =
  'Pace = least-squares slope of the best CI value per sprint over the latest 4 sprints with one; ' +
  'sprints needed = (threshold − latest best) / pace, rounded up.';

export interface ForecastResult {
  status: 'reached' | 'in_sight' | 'not_in_sight' | 'not_enough_data' | 'no_threshold';
  sprintsNeeded: number | null;
  pacePerSprint: number | null;
  method: string;
  message: string;
}

/** Least-squares slope of values against their index (0, 1, 2, …). */
function slope(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/**
 * Sprints needed to reach the threshold at the current pace. `values` are the best CI values
 * of the sprints that have one, oldest first. Flat or backwards pace: not in sight.
 */
export function forecastSprints(
  values: readonly number[],
  threshold: number | null,
  direction: GoalDirection,
): ForecastResult {
  const base = { method: FORECAST_METHOD };
  if (threshold === null) {
    return {
      ...base,
      status: 'no_threshold',
      sprintsNeeded: null,
      pacePerSprint: null,
      message: 'The project has no success criterion yet, so no threshold to forecast against.',
    };
  }
  const latest = values.at(-1);
  if (latest !== undefined && meetsThreshold(direction, latest, threshold)) {
    return {
      ...base,
      status: 'reached',
      sprintsNeeded: 0,
      pacePerSprint: values.length > 1 ? slope(values.slice(-FORECAST_SETTINGS.window)) : null,
      message: `The threshold ${formatMetricText(threshold)} is reached (${formatMetricText(latest)}).`,
    };
  }
  if (latest === undefined || values.length < 2) {
    return {
      ...base,
      status: 'not_enough_data',
      sprintsNeeded: null,
      pacePerSprint: null,
      message: 'A forecast needs the best CI value of at least two sprints.',
    };
  }
  const pace = slope(values.slice(-FORECAST_SETTINGS.window));
  const gap = threshold - latest;
  const towards = direction === 'increase' ? pace : -pace;
  if (towards <= 1e-12) {
    return {
      ...base,
      status: 'not_in_sight',
      sprintsNeeded: null,
      pacePerSprint: pace,
      message: `Not in sight: the pace is ${pace === 0 ? 'flat' : 'going the wrong way'} (${formatPace(pace)} per sprint).`,
    };
  }
  const needed = Math.ceil(Math.abs(gap) / towards - 1e-9);
  if (needed > FORECAST_SETTINGS.horizonSprints) {
    return {
      ...base,
      status: 'not_in_sight',
      sprintsNeeded: null,
      pacePerSprint: pace,
      message: `Not in sight: at ${formatPace(pace)} per sprint it would take ${needed} sprints, more than ${FORECAST_SETTINGS.horizonSprints}.`,
    };
  }
  return {
    ...base,
    status: 'in_sight',
    sprintsNeeded: needed,
    pacePerSprint: pace,
    message: `About ${needed} more sprint${needed === 1 ? '' : 's'} at ${formatPace(pace)} per sprint.`,
  };
}

function formatPace(pace: number): string {
  return `${pace > 0 ? '+' : ''}${formatMetricText(pace)}`;
}

/**
 * Alert rule: the latest CI run reporting the success metric was evaluated under another
 * strategy (fingerprint) than the baseline. Its numbers are never compared; the alert holds
 * until a CI run under the baseline's strategy arrives again (or a new baseline is set).
 */
export function evaluationChangedWarning(
  latest: { runId: string; fingerprint: string | null; strategy: string | null } | null,
  baseline: { runId: string; fingerprint: string | null; strategy: string | null } | null,
): DeliveryWarning | null {
  if (!latest || !baseline || latest.fingerprint === baseline.fingerprint) return null;
  return {
    rule: 'evaluation_changed',
    subjectKey: latest.fingerprint ?? 'unstated',
    message:
      `not comparable: evaluation strategy changed. The latest CI run was evaluated under ` +
      `${latest.fingerprint ?? 'an unstated strategy'}, the baseline under ` +
      `${baseline.fingerprint ?? 'an unstated strategy'}; its numbers are not compared with the baseline.`,
    details: {
      runId: latest.runId,
      runFingerprint: latest.fingerprint,
      runStrategy: latest.strategy,
      baselineRunId: baseline.runId,
      baselineFingerprint: baseline.fingerprint,
      baselineStrategy: baseline.strategy,
    },
  };
}
