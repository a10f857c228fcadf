import { formatDayText } from './date-format.js';
import type { GoalDirection } from './goal.js';
import { dayNumber } from './sprint.js';

/** One measurement of a business goal's own metric. */
export interface GoalPoint {
  value: number;
  /** ISO instant. */
  measuredAt: string;
}

export interface BusinessGoalProgress {
  status: 'no_measurement' | 'reached' | 'on_pace' | 'off_pace' | 'not_enough_data';
  /** The latest measurement, or null. */
  latest: GoalPoint | null;
  /** Where the latest sits from the baseline (0) to the target (1); may pass either end. */
  progress: number | null;
  /** Change per day, least squares over every measurement; null below two days apart. */
  pacePerDay: number | null;
  /** Where that pace puts the metric on the deadline; null without a pace. */
  projectedAtDeadline: number | null;
  message: string;
}

const DAY_MS = 86_400_000;

export const BUSINESS_GOAL_RULE =
  "Progress = (latest measurement − the goal's baseline) / (target − baseline); pace = least-squares slope of every measurement over time, carried from the latest to the deadline: on pace when that reaches the target by the deadline.";

/**
 * A business goal measured: progress = (latest − baseline) / (target − baseline), and the
 * pace, the least-squares slope of value over time (per day) of all its measurements,
 * carried from the latest measurement to the deadline. The goal is on pace when that
 * projection reaches the target (in the goal's direction) by the deadline.
 */
export function businessGoalProgress(
  goal: { baseline: number; target: number; direction: GoalDirection; deadline: string },
  measurements: readonly GoalPoint[],
): BusinessGoalProgress {
  const sorted = [...measurements].sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : 1));
  const latest = sorted.at(-1) ?? null;
  if (!latest) {
    return {
      status: 'no_measurement',
      latest: null,
      progress: null,
      pacePerDay: null,
      projectedAtDeadline: null,
      message: 'No measurement yet: post one to see where the goal stands.',
    };
  }
  const span = goal.target - goal.baseline;
  const progress = span === 0 ? 1 : (latest.value - goal.baseline) / span;
  const reached =
    goal.direction === 'increase' ? latest.value >= goal.target : latest.value <= goal.target;
  const days = sorted.map((m) => Date.parse(m.measuredAt) / DAY_MS);
  const spread = days.at(-1)! - days[0]!;
  let pacePerDay: number | null = null;
  if (sorted.length >= 2 && spread >= 1) {
    const meanX = days.reduce((s, d) => s + d, 0) / days.length;
    const meanY = sorted.reduce((s, m) => s + m.value, 0) / sorted.length;
    let sxy = 0;
    let sxx = 0;
    sorted.forEach((m, i) => {
      sxy += (days[i]! - meanX) * (m.value - meanY);
      sxx += (days[i]! - meanX) ** 2;
    });
    pacePerDay = sxy / sxx;
  }
  const deadlineDay = dayNumber(goal.deadline);
  const projectedAtDeadline =
    pacePerDay === null ? null : latest.value + pacePerDay * (deadlineDay - days.at(-1)!);
  const base = { latest, progress, pacePerDay, projectedAtDeadline };
  if (reached) return { status: 'reached', ...base, message: 'Target reached.' };
  if (projectedAtDeadline === null) {
    return {
      status: 'not_enough_data',
      ...base,
      message: 'One measurement so far: a pace needs two, at least a day apart.',
    };
  }
  const onPace =
    goal.direction === 'increase'
      ? projectedAtDeadline >= goal.target
      : projectedAtDeadline <= goal.target;
  return onPace
    ? {
        status: 'on_pace',
        ...base,
        message: `At this pace the target is reached by the deadline (${formatDayText(goal.deadline)}).`,
      }
    : {
        status: 'off_pace',
        ...base,
        message: `At this pace the target will not be reached by the deadline (${formatDayText(goal.deadline)}).`,
      };
}
