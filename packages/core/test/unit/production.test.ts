import { describe, expect, it } from 'vitest';
import {
  disagreementOf,
  isDisagreementRising,
  productionFigures,
  rankedTopN,
  topNOf,
  type ProductionDecision,
  type ProductionPrediction,
} from '../../src/index.js';

const p = (period: string, entity: string, score: number, modelVersion = 'v1') =>
  ({ period, entity, score, modelVersion }) satisfies ProductionPrediction;
const d = (period: string, entity: string, acted: boolean, reason: string | null = null) =>
  ({ period, entity, acted, reason }) satisfies ProductionDecision;

const D1 = '2026-11-02';
const D2 = '2026-11-03';

/** Four machines, two days, N = 2 (worked out by hand in the comments). */
const fixture = {
  predictions: [
    // Day 1: top 2 = A, B.
    p(D1, 'A', 0.9),
    p(D1, 'B', 0.8),
    p(D1, 'C', 0.5),
    p(D1, 'D', 0.1),
    // Day 2: D, then B and C tie at 0.7 — B first by name: top 2 = D, B.
    p(D2, 'A', 0.2),
    p(D2, 'B', 0.7),
    p(D2, 'C', 0.7),
    p(D2, 'D', 0.9),
    // An older model version is ignored (the greatest version counts).
    p(D2, 'C', 0.99, 'v0'),
  ],
  decisions: [
    d(D1, 'A', true),
    d(D1, 'B', false, 'sensor glitch'),
    d(D1, 'C', true, 'operator knows'),
    d(D2, 'D', true),
    d(D2, 'B', false, 'sensor glitch'),
    d(D2, 'C', true, 'noise heard'),
  ],
  outcomes: [
    { entity: 'A', time: '2026-11-02T10:00:00.000Z' },
    { entity: 'C', time: '2026-11-03T05:00:00.000Z' },
    { entity: 'A', time: '2026-11-03T12:00:00.000Z' },
    // After day 2's 1-day horizon: counts for no day.
    { entity: 'D', time: '2026-11-04T01:00:00.000Z' },
  ],
  n: 2,
  horizonHours: 24,
  value: { costMissed: 100, costIntervention: 10, currency: 'EUR' },
};

describe('operator disagreement', () => {
  it('counts top-N entities not acted on and acted entities outside the top N', () => {
    const result = disagreementOf(new Set(['A', 'B']), [
      d(D1, 'A', true),
      d(D1, 'B', false, 'sensor glitch'),
      d(D1, 'C', true, 'operator knows'),
      d(D1, 'D', false, 'agreeing, reason not counted'),
    ]);
    expect(result).toEqual({
      considered: 3,
      ignored: 1,
      overridden: 1,
      rate: 2 / 3,
      reasons: { 'sensor glitch': 1, 'operator knows': 1 },
    });
    // A top-N entity without any decision is ignored too; nothing considered → 0.
    expect(disagreementOf(new Set(['A']), []).rate).toBe(1);
    expect(disagreementOf(new Set(), []).rate).toBe(0);
  });

  it('is rising only when each of the last 4 rates is strictly higher than the one before', () => {
    expect(isDisagreementRising([0.1, 0.2, 0.3, 0.4])).toBe(true);
    expect(isDisagreementRising([0.9, 0.1, 0.2, 0.3, 0.4])).toBe(true);
    expect(isDisagreementRising([0.1, 0.2, 0.2, 0.4])).toBe(false);
    expect(isDisagreementRising([0.1, 0.2, 0.3])).toBe(false);
    expect(isDisagreementRising([0.1, 0.2, 0.3, 0.4, 0.35])).toBe(false);
  });

  it('ranks by score, then entity name, ignoring rows without a score', () => {
    const top = topNOf(
      [
        p(D2, 'C', 0.7),
        p(D2, 'B', 0.7),
        { period: D2, entity: 'Z', score: null, modelVersion: 'v1' },
      ],
      2,
    );
    expect([...top].sort()).toEqual(['B', 'C']);
    expect([...topNOf([p(D2, 'C', 0.7), p(D2, 'B', 0.7)], 1)]).toEqual(['B']);
  });

  it('gives the ranked top N, best first, the ranking topNOf takes its set from', () => {
    const ranked = rankedTopN(
      [p(D2, 'C', 0.7), p(D2, 'A', 0.2), p(D2, 'D', 0.9), p(D2, 'B', 0.7)],
      3,
    );
    expect(ranked.map((r) => [r.rank, r.entity, r.score])).toEqual([
      [1, 'D', 0.9],
      [2, 'B', 0.7],
      [3, 'C', 0.7],
    ]);
  });
});

describe('production figures', () => {
  it('per day: hit rate@N, the longest-unchecked bar, money and disagreement', () => {
    const figures = productionFigures({ ...fixture, periodKind: 'day' });
    const [day1, day2] = figures.periods;
    // Day 1: top {A, B}; A failed that day → 1 caught; events: A.
    // Bar day 1: nobody checked before → A, B by name; A caught → 1.
    // Operators acted on A, C: A caught → net 100 − 2 × 10 = 80.
    expect(day1).toMatchObject({
      period: D1,
      hitRate: 1,
      eventsCaught: 1,
      interventions: 2,
      events: 1,
      bar: 1,
      modelNet: 80,
      realized: { acted: 2, eventsCaught: 1, net: 80 },
      disagreement: { considered: 3, ignored: 1, overridden: 1, rate: 2 / 3 },
    });
    // Day 2: top {D, B}; events A and C, none in the top → 0. Bar day 2: D never checked,
    // then A (checked day 1, before C by name) → D, A; A failed → 1.
    // Operators acted on D, C: C caught → net 80.
    expect(day2).toMatchObject({
      period: D2,
      hitRate: 0,
      eventsCaught: 0,
      interventions: 2,
      events: 2,
      bar: 1,
      modelNet: -20,
      realized: { acted: 2, eventsCaught: 1, net: 80 },
      disagreement: { reasons: { 'sensor glitch': 1, 'noise heard': 1 } },
    });
    expect(figures.totals).toMatchObject({
      days: 2,
      hitRate: 0.5,
      bar: 1,
      modelNet: 60,
      realized: { acted: 4, eventsCaught: 2, net: 160 },
      disagreement: {
        considered: 6,
        rate: 2 / 3,
        reasons: { 'sensor glitch': 2, 'operator knows': 1, 'noise heard': 1 },
      },
    });
  });

  it('a week holds the means per day, so it compares with the threshold', () => {
    const figures = productionFigures({ ...fixture, periodKind: 'week' });
    expect(figures.periods).toHaveLength(1);
    expect(figures.periods[0]).toMatchObject({
      period: '2026-W45',
      days: 2,
      hitRate: 0.5,
      bar: 1,
      realized: { net: 160 },
    });
  });
});
