import { describe, expect, it } from 'vitest';
import {
  checkGoalQuantifiable,
  describeGoalProblems,
  resolveRelativeTarget,
} from '../../src/index.js';

const today = new Date('2026-11-23T10:00:00Z');
const churn = {
  statement: 'Reduce churn rate by 10 % in the next financial year',
  metric: 'churn rate',
  direction: 'decrease' as const,
  baseline: 3.1,
  targetChangePct: -10,
  deadline: '2027-12-31',
  unit: '%',
};

describe('checkGoalQuantifiable', () => {
  it('accepts the article’s quantifiable goal and resolves the relative target', () => {
    const result = checkGoalQuantifiable(churn, today);
    expect(result).toEqual({
      ok: true,
      goal: { ...churn, target: 2.79, targetChangePct: -10 },
    });
  });

  it('refuses the article’s ambiguous goal, naming every missing part in order', () => {
    const result = checkGoalQuantifiable(
      { statement: 'We want to prevent our customers from leaving our service' },
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'metric:missing',
      'direction:missing',
      'baseline:missing',
      'target:missing',
      'deadline:missing',
    ]);
    expect(describeGoalProblems(result.problems)).toMatch(
      /^Goal is not quantifiable: no metric .*no deadline .*\.$/,
    );
  });

  it('accepts a deadline of today and refuses yesterday', () => {
    expect(checkGoalQuantifiable({ ...churn, deadline: '2026-11-23' }, today).ok).toBe(true);
    const past = checkGoalQuantifiable({ ...churn, deadline: '2026-11-22' }, today);
    expect(past.ok ? [] : past.problems).toEqual([
      { field: 'deadline', code: 'in_past', message: 'deadline 2026-11-22 is in the past' },
    ]);
  });

  it('refuses a target equal to the baseline, or on the wrong side of it', () => {
    const equal = checkGoalQuantifiable({ ...churn, targetChangePct: null, target: 3.1 }, today);
    expect(equal.ok ? null : equal.problems[0]?.code).toBe('not_beyond_baseline');
    const wrongWay = checkGoalQuantifiable(
      { ...churn, direction: 'increase', targetChangePct: -10 },
      today,
    );
    expect(wrongWay.ok ? null : wrongWay.problems[0]?.message).toBe(
      'target 2.79 is not above the baseline 3.1 for a goal to increase',
    );
    const relativeOnZero = checkGoalQuantifiable({ ...churn, baseline: 0 }, today);
    expect(relativeOnZero.ok).toBe(false);
  });

  it('keeps an absolute target as given and reports no relative change', () => {
    const result = checkGoalQuantifiable(
      {
        ...churn,
        direction: 'increase',
        baseline: 0.4,
        target: 2,
        targetChangePct: null,
        metric: ' hit rate ',
      },
      today,
    );
    expect(result.ok && result.goal).toMatchObject({
      metric: 'hit rate',
      target: 2,
      targetChangePct: null,
    });
  });
});

describe('resolveRelativeTarget', () => {
  it('moves the baseline by the signed percentage without float noise', () => {
    expect(resolveRelativeTarget(3.1, -10)).toBe(2.79);
    expect(resolveRelativeTarget(0.05, 10)).toBe(0.055);
    expect(resolveRelativeTarget(1240, -30)).toBe(868);
  });
});
