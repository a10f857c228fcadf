import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LONGEST_UNCHECKED_RULE,
  mulberry32,
  quantile,
  simulateLongestUnchecked,
  simulateRandom,
  type BaselineInput,
} from '../../src/index.js';

const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'];

/**
 * Fleet A, B, C; one check a day. History: B checked 02-20, C 02-25, A 03-03 (after its
 * simulated check of 03-01). Events: A 03-01, B 03-04, C 03-04.
 *   03-01: A never checked → A (event on A: caught)
 *   03-02: A 03-01, B 02-20, C 02-25 → B
 *   03-03: A 03-01, B 03-02, C 02-25 → C
 *   03-04: A 03-03 (history), B 03-02, C 03-03 → B (event on B: caught; C's is missed)
 */
const input: BaselineInput = {
  entities: ['C', 'A', 'B'],
  checks: [
    { entity: 'B', time: '2027-02-20' },
    { entity: 'C', time: '2027-02-25T06:00:00Z' },
    { entity: 'A', time: '2027-03-03' },
  ],
  events: [
    { entity: 'A', time: '2027-03-01 06:00:00' },
    { entity: 'B', time: '2027-03-04' },
    { entity: 'C', time: '2027-03-04T06:00:00Z' },
  ],
  periods: days,
  n: 1,
  horizonDays: 1,
};

describe('longest-unchecked', () => {
  it('checks the entities longest without a check, and counts the events on them', () => {
    const result = simulateLongestUnchecked(input);
    expect(
      result.periods.map((p) => [p.period, p.interventions, p.eventsCaught, p.events]),
    ).toEqual([
      ['2027-03-01', 1, 1, 1],
      ['2027-03-02', 1, 0, 0],
      ['2027-03-03', 1, 0, 0],
      ['2027-03-04', 1, 1, 2],
    ]);
    expect(result).toMatchObject({
      eventsCaught: 2,
      events: 3,
      interventions: 4,
      hitRate: 0.5,
      precisionAtN: 0.5,
    });
    expect(result.recallAtN).toBeCloseTo(2 / 3, 12);
    expect(result.tieRule).toBe(LONGEST_UNCHECKED_RULE);
  });

  it('lets a history check reset the clock (without it, A would be checked on 03-04)', () => {
    const without = simulateLongestUnchecked({ ...input, checks: input.checks!.slice(0, 2) });
    // 03-04: A 03-01, B 03-02, C 03-03 → A: no event on A that day
    expect(without.periods.map((p) => p.eventsCaught)).toEqual([1, 0, 0, 0]);
  });

  it('counts events within the horizon after the check day', () => {
    // horizon 2: day d sees events on d and d + 1
    //   03-01 [01,02]: A → caught (A);  03-02 [02,03]: none;
    //   03-03 [03,04]: B, C → C checked, caught;  03-04 [04,05]: B, C → B checked, caught
    const result = simulateLongestUnchecked({ ...input, horizonDays: 2 });
    expect(result.periods.map((p) => [p.eventsCaught, p.events])).toEqual([
      [1, 1],
      [0, 0],
      [1, 2],
      [1, 2],
    ]);
    expect(result.hitRate).toBe(0.75);
  });

  it('is priced with the value model', () => {
    const result = simulateLongestUnchecked({
      ...input,
      value: { costMissed: 25000, costIntervention: 800, currency: 'EUR' },
    });
    // 2 × 25 000 − 4 × 800
    expect(result.money).toEqual({
      caught: 50000,
      interventionCost: 3200,
      net: 46800,
      currency: 'EUR',
    });
  });

  it('breaks ties between never-checked entities by name and checks several a day', () => {
    const result = simulateLongestUnchecked({ ...input, checks: [], n: 2 });
    // 03-01: A, B (all never checked) · 03-02: C, then A (A and B tie at 03-01) ·
    // 03-03: B, then A (A and C tie at 03-02) · 03-04: C (caught), then A (A and B tie at 03-03)
    expect(result.periods.map((p) => p.eventsCaught)).toEqual([1, 0, 0, 1]);
  });
});

describe('random', () => {
  it('is deterministic for a seed and checks N distinct entities a day', () => {
    const a = simulateRandom({ ...input, seed: 7, seeds: 20 });
    const b = simulateRandom({ ...input, seed: 7, seeds: 20 });
    expect(a).toEqual(b);
    expect(a.periods.every((p) => p.interventions === 1)).toBe(true);
    expect(a.seeds).toBe(20);
    expect(a.spread.min).toBeLessThanOrEqual(a.spread.p10);
    expect(a.spread.p10).toBeLessThanOrEqual(a.spread.median);
    expect(a.spread.median).toBeLessThanOrEqual(a.spread.p90);
    expect(a.spread.p90).toBeLessThanOrEqual(a.spread.max);
  });

  it('catches every event when it checks the whole fleet', () => {
    const result = simulateRandom({ ...input, n: 3, seed: 1, seeds: 10 });
    expect(result.eventsCaught).toBe(3);
    expect(result.hitRate).toBe(0.75);
    expect(result.spread).toEqual({ min: 0.75, p10: 0.75, median: 0.75, p90: 0.75, max: 0.75 });
  });

  it('catches on average N / fleet of the events', () => {
    // an event on A every day for 200 days; one check among 2 entities → mean 0.5 a day
    const periods = Array.from({ length: 200 }, (_, i) =>
      new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const result = simulateRandom({
      entities: ['A', 'B'],
      events: periods.map((time) => ({ entity: 'A', time })),
      periods,
      n: 1,
      horizonDays: 1,
      seed: 42,
      seeds: 100,
    });
    expect(result.hitRate).toBeGreaterThan(0.47);
    expect(result.hitRate).toBeLessThan(0.53);
    expect(result.spread.min).toBeLessThan(result.spread.max);
  });

  it('mulberry32 draws floats in [0, 1) and quantiles interpolate', () => {
    const random = mulberry32(3);
    const draws = Array.from({ length: 1000 }, random);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(1000);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBe(1);
  });
});

describe('the bars, whatever the order of what they are given', () => {
  /**
   * A file in any order gives its days and fleet in the order first seen, with repeats (one
   * per row): the bars are the same as from the days and fleet sorted.
   */
  const inputArb = fc.record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
    fleet: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1 }),
    events: fc.array(
      fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.integer({ min: 1, max: 22 })),
    ),
    checks: fc.array(
      fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.integer({ min: 0, max: 20 })),
    ),
    n: fc.integer({ min: 1, max: 3 }),
    horizonDays: fc.integer({ min: 1, max: 3 }),
  });
  const day = (d: number) => `2027-03-${String(d).padStart(2, '0')}`;

  it('longest-unchecked and random do not depend on the order of days, fleet, events and checks', () => {
    fc.assert(
      fc.property(
        inputArb.chain((x) =>
          fc.tuple(
            fc.constant(x),
            fc.shuffledSubarray(x.days, { minLength: x.days.length }),
            fc.shuffledSubarray(x.fleet, { minLength: x.fleet.length }),
            fc.shuffledSubarray(x.events, { minLength: x.events.length }),
            fc.shuffledSubarray(x.checks, { minLength: x.checks.length }),
          ),
        ),
        ([x, days, fleet, events, checks]) => {
          const asInput = (
            d: number[],
            f: string[],
            e: Array<[string, number]>,
            c: Array<[string, number]>,
          ): BaselineInput => ({
            periods: d.map(day),
            entities: f,
            events: e.map(([entity, t]) => ({ entity, time: day(t) })),
            checks: c.map(([entity, t]) => ({ entity, time: day(t) })),
            n: x.n,
            horizonDays: x.horizonDays,
          });
          const sorted = asInput(
            [...x.days].sort((a, b) => a - b),
            [...x.fleet].sort(),
            x.events,
            x.checks,
          );
          // Repeats, as a file in any order lists a day and an entity once per row.
          const mixed = asInput([...days, ...days], [...fleet, ...fleet], events, checks);
          expect(simulateLongestUnchecked(mixed)).toEqual(simulateLongestUnchecked(sorted));
          expect(simulateRandom({ ...mixed, seed: 3, seeds: 5 })).toEqual(
            simulateRandom({ ...sorted, seed: 3, seeds: 5 }),
          );
        },
      ),
    );
  });
});
