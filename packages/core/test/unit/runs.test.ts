import { describe, expect, it } from 'vitest';
import {
  beats,
  bestUnder,
  evaluationChangedWarning,
  meetsThreshold,
  provenanceOf,
  type ScoredRun,
} from '../../src/index.js';

const run = (id: string, value: number, fingerprint: string | null = 'fp-a'): ScoredRun => ({
  id,
  sprintId: 's1',
  value,
  fingerprint,
});

describe('a run’s provenance', () => {
  it('is ci only with a CI token of this very project and CI metadata', () => {
    expect(provenanceOf({ ciTokenProjectId: 'p1', projectId: 'p1', hasCiMetadata: true })).toBe(
      'ci',
    );
  });

  it('is manual without CI metadata, with another project’s token, or with no CI token', () => {
    expect(provenanceOf({ ciTokenProjectId: 'p1', projectId: 'p1', hasCiMetadata: false })).toBe(
      'manual',
    );
    expect(provenanceOf({ ciTokenProjectId: 'p2', projectId: 'p1', hasCiMetadata: true })).toBe(
      'manual',
    );
    expect(provenanceOf({ ciTokenProjectId: null, projectId: 'p1', hasCiMetadata: true })).toBe(
      'manual',
    );
  });
});

describe('beats', () => {
  it('wants a higher value when the metric should increase', () => {
    expect(beats('increase', 0.31, 0.3)).toBe(true);
    expect(beats('increase', 0.29, 0.3)).toBe(false);
  });

  it('wants a lower value when the metric should decrease', () => {
    expect(beats('decrease', 4, 5)).toBe(true);
    expect(beats('decrease', 6, 5)).toBe(false);
  });

  it('does not count a tie as beating, either way', () => {
    expect(beats('increase', 0.3, 0.3)).toBe(false);
    expect(beats('decrease', 0.3, 0.3)).toBe(false);
  });
});

describe('the best run under one strategy', () => {
  it('takes the highest value when higher is better, the lowest when lower is', () => {
    const runs = [run('r1', 0.2), run('r2', 0.5), run('r3', 0.1)];
    expect(bestUnder(runs, 'fp-a', 'increase')?.id).toBe('r2');
    expect(bestUnder(runs, 'fp-a', 'decrease')?.id).toBe('r3');
  });

  it('gives a tie to the earlier run', () => {
    const runs = [run('r1', 0.4), run('r2', 0.4)];
    expect(bestUnder(runs, 'fp-a', 'increase')?.id).toBe('r1');
    expect(bestUnder(runs, 'fp-a', 'decrease')?.id).toBe('r1');
  });

  it('ignores runs evaluated under another strategy, however good', () => {
    const runs = [run('r1', 0.2), run('r2', 0.9, 'fp-b'), run('r3', 0.95, null)];
    expect(bestUnder(runs, 'fp-a', 'increase')?.id).toBe('r1');
  });

  it('matches an unstated strategy only with an unstated one', () => {
    const runs = [run('r1', 0.2), run('r2', 0.3, null)];
    expect(bestUnder(runs, null, 'increase')?.id).toBe('r2');
  });

  it('is null when no run is under the strategy, or there is no run', () => {
    expect(bestUnder([run('r1', 0.2, 'fp-b')], 'fp-a', 'increase')).toBeNull();
    expect(bestUnder([], 'fp-a', 'increase')).toBeNull();
  });
});

describe('meeting the threshold', () => {
  it('counts reaching it exactly as meeting it, in both directions', () => {
    expect(meetsThreshold('increase', 0.3, 0.3)).toBe(true);
    expect(meetsThreshold('decrease', 0.3, 0.3)).toBe(true);
  });

  it('is above for an increasing metric and below for a decreasing one', () => {
    expect(meetsThreshold('increase', 0.31, 0.3)).toBe(true);
    expect(meetsThreshold('increase', 0.29, 0.3)).toBe(false);
    expect(meetsThreshold('decrease', 0.29, 0.3)).toBe(true);
    expect(meetsThreshold('decrease', 0.31, 0.3)).toBe(false);
  });
});

describe('the evaluation-changed warning', () => {
  const baseline = { runId: 'b1', fingerprint: 'fp-a', strategy: 'rolling 90d' };

  it('is raised when the latest CI run was evaluated under another strategy', () => {
    const latest = { runId: 'r9', fingerprint: 'fp-b', strategy: 'rolling 30d' };
    expect(evaluationChangedWarning(latest, baseline)).toEqual({
      rule: 'evaluation_changed',
      subjectKey: 'fp-b',
      message:
        'not comparable: evaluation strategy changed. The latest CI run was evaluated under ' +
        'fp-b, the baseline under fp-a; its numbers are not compared with the baseline.',
      details: {
        runId: 'r9',
        runFingerprint: 'fp-b',
        runStrategy: 'rolling 30d',
        baselineRunId: 'b1',
        baselineFingerprint: 'fp-a',
        baselineStrategy: 'rolling 90d',
      },
    });
  });

  it('names an unstated strategy as such', () => {
    const latest = { runId: 'r9', fingerprint: null, strategy: null };
    const warning = evaluationChangedWarning(latest, baseline);
    expect(warning?.subjectKey).toBe('unstated');
    expect(warning?.message).toContain('evaluated under an unstated strategy, the baseline');
  });

  it('is not raised under the same strategy, without a baseline or without a CI run', () => {
    expect(evaluationChangedWarning({ ...baseline, runId: 'r9' }, baseline)).toBeNull();
    expect(evaluationChangedWarning({ ...baseline, runId: 'r9' }, null)).toBeNull();
    expect(evaluationChangedWarning(null, baseline)).toBeNull();
  });
});
