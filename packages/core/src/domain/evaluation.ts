export const TRAIN_WINDOWS = ['expanding', 'sliding'] as const;
export type TrainWindow = (typeof TRAIN_WINDOWS)[number];

/** A duration written as a count and a unit: `12h`, `1d`, `2w`. */
export const DURATION_PATTERN = /^([1-9]\d{0,5})(h|d|w)$/;

const HOURS_PER_UNIT = { h: 1, d: 24, w: 168 } as const;

/** Hours in a duration such as `2w` (336). Throws on a malformed duration. */
export function durationHours(duration: string): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new Error(`Malformed duration: ${duration}`);
  return Number(match[1]) * HOURS_PER_UNIT[match[2] as keyof typeof HOURS_PER_UNIT];
}

export interface EvaluationStrategy {
  trainWindow: TrainWindow;
  /** Length of a sliding train window; absent for an expanding one. */
  trainSize?: string | null | undefined;
  testWindow: string;
  step: string;
  horizon?: string | null | undefined;
}

/**
 * The canonical text of a strategy: sorted keys, durations in hours, absent parts as null.
 * Two strategies that evaluate the same way (`14d` and `2w`) have the same text, and so
 * the same fingerprint.
 */
export function canonicalEvaluationStrategy(strategy: EvaluationStrategy): string {
  const hours = (d: string | null | undefined) => (d ? durationHours(d) : null);
  const canonical = {
    horizonHours: hours(strategy.horizon),
    stepHours: hours(strategy.step),
    testWindowHours: hours(strategy.testWindow),
    trainSizeHours: strategy.trainWindow === 'sliding' ? hours(strategy.trainSize) : null,
    trainWindow: strategy.trainWindow,
  };
  return JSON.stringify(canonical);
}
