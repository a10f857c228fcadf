import type { DeliveryWarning } from './delivery-warnings.js';
import type { GoalDirection } from './goal.js';

export const PROVENANCES = ['ci', 'manual'] as const;
export type Provenance = (typeof PROVENANCES)[number];

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
