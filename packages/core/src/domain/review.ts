import { formatMetricText } from './numbers-format.js';
import type { GoalDirection } from './goal.js';
import { meetsThreshold } from './runs.js';

/** What a sprint review may decide. */
export const DECISIONS = ['continue', 'objectives_met', 'drop'] as const;
export type Decision = (typeof DECISIONS)[number];

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
