import { utcDay } from './dates.js';

export type GoalDirection = 'increase' | 'decrease';

/** What a caller proposes; any part may be missing, and the rule below says which must not be. */
export interface GoalDraft {
  statement: string;
  metric?: string | null;
  direction?: GoalDirection | null;
  baseline?: number | null;
  target?: number | null;
  targetChangePct?: number | null;
  deadline?: string | null;
  unit?: string | null;
}

export interface QuantifiedGoal {
  statement: string;
  metric: string;
  direction: GoalDirection;
  baseline: number;
  /** Always absolute, also when the caller gave a relative change. */
  target: number;
  /** The signed relative change the caller gave (−10 = 10 % lower), or null for an absolute target. */
  targetChangePct: number | null;
  deadline: string;
  unit: string;
}

export type GoalProblemCode = 'missing' | 'in_past' | 'not_beyond_baseline';

export interface GoalProblem {
  /** The input field to fix: a relative target's problems name `targetChangePct`. */
  field: 'metric' | 'direction' | 'baseline' | 'target' | 'targetChangePct' | 'deadline';
  code: GoalProblemCode;
  message: string;
}

export type GoalCheck = { ok: true; goal: QuantifiedGoal } | { ok: false; problems: GoalProblem[] };

/** A relative change of p % moves the baseline to baseline × (1 + p/100). */
export function resolveRelativeTarget(baseline: number, changePct: number): number {
  // Rounded to 12 significant digits so 0.05 × 1.1 reads 0.055, not 0.05500000000000001.
  return Number((baseline * (1 + changePct / 100)).toPrecision(12));
}

/**
 * A goal is quantifiable when it names a metric and a direction, has a baseline number,
 * a target number (absolute or relative) beyond the baseline in its direction, and a
 * deadline that is not in the past. Every unmet part is reported, not just the first.
 */
export function checkGoalQuantifiable(draft: GoalDraft, today: Date): GoalCheck {
  const problems: GoalProblem[] = [];
  const metric = draft.metric?.trim() ?? '';
  if (!metric) {
    problems.push({
      field: 'metric',
      code: 'missing',
      message: 'no metric (name what is measured, e.g. "monthly churn rate")',
    });
  }
  const direction = draft.direction ?? null;
  if (!direction) {
    problems.push({
      field: 'direction',
      code: 'missing',
      message: 'no direction (should the metric increase or decrease)',
    });
  }
  const baseline = draft.baseline ?? null;
  if (baseline === null) {
    problems.push({
      field: 'baseline',
      code: 'missing',
      message: 'no baseline number (the metric’s value today)',
    });
  }
  let target: number | null = draft.target ?? null;
  const changePct = draft.targetChangePct ?? null;
  if (target === null && changePct === null) {
    problems.push({
      field: 'target',
      code: 'missing',
      message: 'no target number (a target value, or a change in % from the baseline)',
    });
  } else if (target === null && changePct !== null && baseline !== null) {
    target = resolveRelativeTarget(baseline, changePct);
  }
  const deadline = draft.deadline ?? null;
  if (!deadline) {
    problems.push({
      field: 'deadline',
      code: 'missing',
      message: 'no deadline (the date by which the target must be reached)',
    });
  } else if (deadline < utcDay(today)) {
    problems.push({
      field: 'deadline',
      code: 'in_past',
      message: `deadline ${deadline} is in the past`,
    });
  }
  if (direction && baseline !== null && target !== null) {
    const beyond = direction === 'increase' ? target > baseline : target < baseline;
    if (!beyond) {
      const word = direction === 'increase' ? 'above' : 'below';
      problems.push({
        field: draft.target == null ? 'targetChangePct' : 'target',
        code: 'not_beyond_baseline',
        message: `target ${target} is not ${word} the baseline ${baseline} for a goal to ${direction}`,
      });
    }
  }
  if (problems.length > 0 || !direction || baseline === null || target === null || !deadline) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    goal: {
      statement: draft.statement.trim(),
      metric,
      direction,
      baseline,
      target,
      targetChangePct: draft.target == null ? changePct : null,
      deadline,
      unit: draft.unit?.trim() ?? '',
    },
  };
}

/** One sentence for an error message: "Goal is not quantifiable: no deadline; …". */
export function describeGoalProblems(problems: readonly GoalProblem[]): string {
  return `Goal is not quantifiable: ${problems.map((p) => p.message).join('; ')}.`;
}

export const GOAL_PROGRESS_RULE =
  'Progress of the success criterion: (current baseline − first baseline) / (threshold − first baseline), clamped to 0..1. The baseline is the number of record: the first CI run, then the best CI run of a closed sprint that beat it under the same evaluation strategy. None without a criterion or a CI baseline.';

/** GOAL_PROGRESS_RULE on the numbers; null when it cannot be judged. */
export function goalProgress(
  threshold: number | null,
  first: number | null,
  current: number | null,
): number | null {
  if (threshold === null || first === null || current === null || threshold === first) return null;
  return Math.min(1, Math.max(0, (current - first) / (threshold - first)));
}
