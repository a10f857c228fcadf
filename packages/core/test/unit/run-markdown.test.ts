import { describe, expect, it } from 'vitest';
import { escapeMarkdown, runComparisonMarkdown, type RunForMarkdown } from '../../src/index.js';

const run = (overrides: Partial<RunForMarkdown['comparison']> = {}): RunForMarkdown => ({
  provenance: 'ci',
  metrics: { hit_rate_at_10: 0.42, auc: 0.81 },
  commit: '3f2a9c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b',
  branch: 'feature/*bold*',
  evaluationFingerprint: '0123456789abcdef',
  url: 'http://127.0.0.1:3000/projects/p1/runs/r1',
  comparison: {
    status: 'comparable',
    message: 'hit_rate_at_10 0.42 against the baseline 0.4: +0.02.',
    metricName: 'hit_rate_at_10',
    isBaseline: false,
    value: 0.42,
    baselineValue: 0.4,
    runFingerprint: null,
    baselineFingerprint: null,
    runStrategy: null,
    baselineStrategy: null,
    ...overrides,
  },
});

describe('runComparisonMarkdown', () => {
  it('renders the metric against the baseline, the threshold, today’s process and money', () => {
    const text = runComparisonMarkdown(run(), {
      threshold: { value: 0.5, direction: 'increase' },
      currentProcess: { name: 'Fixed schedule', value: 0.3 },
      money: {
        currency: 'EUR',
        period: 'day',
        periodsPerYear: 365,
        model: { perPeriod: 104, perYear: 37960 },
        current: { perPeriod: -40, perYear: -14600 },
        difference: { perPeriod: 144, perYear: 52560 },
        atThreshold: null,
        text: '',
      },
    });
    expect(text).toContain('| This run | 0.42 |  |');
    expect(text).toContain('| Baseline | 0.4 | +0.02 |');
    expect(text).toContain('| Threshold (≥) | 0.5 | −0.08 |');
    expect(text).toContain('| Today: Fixed schedule | 0.3 | +0.12 |');
    expect(text).toMatch(/\| In money, against today \| \+.*144.* a day \| about \+.* a year \|/);
    expect(text).toContain('Other metrics: `auc` 0.81');
    expect(text).toContain('Provenance: **ci**, commit `3f2a9c1d8e7b`, branch feature/\\*bold\\*');
    expect(text).toContain('[The run in Sextant](http://127.0.0.1:3000/projects/p1/runs/r1)');
  });

  it('shows no difference when the run is not comparable, and the reason', () => {
    const text = runComparisonMarkdown(
      run({ status: 'not_comparable', message: 'not comparable: evaluation strategy changed' }),
    );
    expect(text).toContain('| Baseline | 0.4 | – |');
    expect(text).toContain('not comparable: evaluation strategy changed');
    expect(text).not.toContain('Threshold');
    expect(text).not.toContain('In money');
  });

  it('marks the run that is the baseline itself', () => {
    const text = runComparisonMarkdown(run({ isBaseline: true, baselineValue: 0.42 }));
    expect(text).toContain('| Baseline (this run) | 0.42 | ±0 |');
  });

  it('escapes user text so it cannot break the table', () => {
    expect(escapeMarkdown('a | b <script>')).toBe('a \\| b \\<script\\>');
    const text = runComparisonMarkdown(run(), {
      currentProcess: { name: 'x | y\n# z', value: 0.3 },
    });
    expect(text).toContain('| Today: x \\| y # z | 0.3 | +0.12 |');
  });
});
