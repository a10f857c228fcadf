import { describe, expect, it } from 'vitest';
import { businessGoalProgress } from '../../src/index.js';

// Downtime from 120 h a month to 60 h by 2027-06-30.
const GOAL = { baseline: 120, target: 60, direction: 'decrease' as const, deadline: '2027-06-30' };
const at = (day: string, value: number) => ({ value, measuredAt: `${day}T00:00:00.000Z` });

describe('a business goal measured', () => {
  it('says there is no measurement rather than 0 %', () => {
    const p = businessGoalProgress(GOAL, []);
    expect(p).toMatchObject({ status: 'no_measurement', progress: null, latest: null });
    expect(p.message).toBe('No measurement yet: post one to see where the goal stands.');
  });

  it('places the latest measurement between baseline and target, any order given', () => {
    const p = businessGoalProgress(GOAL, [at('2026-12-01', 105), at('2026-11-01', 114)]);
    // (105 − 120) / (60 − 120) = 0.25.
    expect(p.progress).toBeCloseTo(0.25, 12);
    expect(p.latest).toEqual(at('2026-12-01', 105));
  });

  it('projects the least-squares pace to the deadline', () => {
    // −9 h over 30 days: −0.3 h a day; 211 days from 2026-12-01 to 2027-06-30: 105 − 63.3 = 41.7.
    const on = businessGoalProgress(GOAL, [at('2026-11-01', 114), at('2026-12-01', 105)]);
    expect(on.pacePerDay).toBeCloseTo(-0.3, 12);
    expect(on.projectedAtDeadline).toBeCloseTo(41.7, 9);
    expect(on.status).toBe('on_pace');
    // −1.5 h over 30 days: −0.05 a day × 211 = −10.55 → 112.5 − 10.55 = 101.95, short of 60.
    const off = businessGoalProgress(GOAL, [at('2026-11-01', 114), at('2026-12-01', 112.5)]);
    expect(off.pacePerDay).toBeCloseTo(-0.05, 12);
    expect(off.projectedAtDeadline).toBeCloseTo(101.95, 9);
    expect(off.status).toBe('off_pace');
    expect(off.message).toBe(
      'At this pace the target will not be reached by the deadline (30 Jun 2027).',
    );
  });

  it('uses every measurement for the pace, and needs two a day apart', () => {
    // Days 0, 10, 20 with 120, 110, 106: slope = Σ(x−10)(y−112) / Σ(x−10)² = (−10·8 + 10·−6) / 200 = −0.7.
    const p = businessGoalProgress(GOAL, [
      at('2026-11-01', 120),
      at('2026-11-11', 110),
      at('2026-11-21', 106),
    ]);
    expect(p.pacePerDay).toBeCloseTo(-0.7, 12);
    expect(businessGoalProgress(GOAL, [at('2026-11-01', 100)]).status).toBe('not_enough_data');
    expect(businessGoalProgress(GOAL, [at('2026-11-01', 59)]).status).toBe('reached');
  });
});
