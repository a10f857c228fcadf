import { describe, expect, it } from 'vitest';
import { FORECAST_METHOD, forecastSprints } from '../../src/index.js';

describe('the sprint forecast', () => {
  it('has nothing to forecast against without a threshold (no success criterion)', () => {
    expect(forecastSprints([0.1, 0.2], null, 'increase')).toEqual({
      status: 'no_threshold',
      sprintsNeeded: null,
      pacePerSprint: null,
      method: FORECAST_METHOD,
      message: 'The project has no success criterion yet, so no threshold to forecast against.',
    });
  });

  it('needs the best CI value of at least two sprints', () => {
    for (const values of [[], [0.1]]) {
      expect(forecastSprints(values, 0.5, 'increase')).toMatchObject({
        status: 'not_enough_data',
        sprintsNeeded: null,
        pacePerSprint: null,
        message: 'A forecast needs the best CI value of at least two sprints.',
      });
    }
  });

  it('says reached when the latest value meets the threshold, a tie included', () => {
    expect(forecastSprints([0.5], 0.5, 'increase')).toMatchObject({
      status: 'reached',
      sprintsNeeded: 0,
      pacePerSprint: null,
      message: 'The threshold 0.5 is reached (0.5).',
    });
    const reached = forecastSprints([0.3, 0.4, 0.6], 0.5, 'increase');
    expect(reached.status).toBe('reached');
    expect(reached.pacePerSprint).toBeCloseTo(0.15, 12);
  });

  it('counts whole sprints at the least-squares pace when the metric should increase', () => {
    // Pace 0.1 per sprint, 0.25 to go: 2.5 sprints, so 3.
    const f = forecastSprints([0.1, 0.2, 0.3, 0.4], 0.65, 'increase');
    expect(f.status).toBe('in_sight');
    expect(f.sprintsNeeded).toBe(3);
    expect(f.pacePerSprint).toBeCloseTo(0.1, 12);
    expect(f.message).toBe('About 3 more sprints at +0.1 per sprint.');
  });

  it('counts towards a lower threshold when the metric should decrease', () => {
    // Pace −2 per sprint, 2 to go: 1 sprint.
    const f = forecastSprints([14, 12, 10], 8, 'decrease');
    expect(f).toMatchObject({ status: 'in_sight', sprintsNeeded: 1, pacePerSprint: -2 });
    expect(f.message).toBe('About 1 more sprint at −2 per sprint.');
    expect(forecastSprints([10, 9], 10, 'decrease').status).toBe('reached');
  });

  it('measures the pace over the latest four sprints only', () => {
    // The early jump is outside the window: the pace is the last four's 0.01.
    const f = forecastSprints([0, 0.5, 0.51, 0.52, 0.53], 0.55, 'increase');
    expect(f.pacePerSprint).toBeCloseTo(0.01, 12);
    expect(f.sprintsNeeded).toBe(2);
  });

  it('is not in sight at a flat pace or one going the wrong way', () => {
    expect(forecastSprints([0.3, 0.3, 0.3], 0.5, 'increase')).toMatchObject({
      status: 'not_in_sight',
      sprintsNeeded: null,
      pacePerSprint: 0,
      message: 'Not in sight: the pace is flat (0 per sprint).',
    });
    const backwards = forecastSprints([10, 11, 12], 8, 'decrease');
    expect(backwards).toMatchObject({
      status: 'not_in_sight',
      sprintsNeeded: null,
      pacePerSprint: 1,
    });
    expect(backwards.message).toBe(
      'Not in sight: the pace is going the wrong way (+1 per sprint).',
    );
  });

  it('is not in sight beyond 26 sprints, even at a positive pace', () => {
    // Pace 0.01, 0.3 to go: 30 sprints.
    const f = forecastSprints([0.1, 0.11, 0.12], 0.42, 'increase');
    expect(f).toMatchObject({ status: 'not_in_sight', sprintsNeeded: null });
    expect(f.message).toBe(
      'Not in sight: at +0.01 per sprint it would take 30 sprints, more than 26.',
    );
    // Exactly 26 is still in sight.
    expect(forecastSprints([0.1, 0.11, 0.12], 0.38, 'increase')).toMatchObject({
      status: 'in_sight',
      sprintsNeeded: 26,
    });
  });
});
