import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TOP_N_TIE_RULE,
  TopNEvaluator,
  evaluateTopN,
  isoWeekOf,
  localDayOf,
  type ScoredRecord,
} from '../../src/index.js';

const r = (period: string, entity: string, score: number, label: 0 | 1): ScoredRecord => ({
  period,
  entity,
  score,
  label,
});

/**
 * Three days, N = 2.
 * 03-01: A .9 ✓, B .8, C .7 ✓, D .1 → top A, B: 1 caught of 2 events.
 * 03-02: A, B ✓, C all .5 → tie by entity: A, B → 1 caught of 1 event.
 * 03-03: A .3, B .2, no event → 0 caught, recall null.
 */
const fixture: ScoredRecord[] = [
  r('2027-03-01', 'A', 0.9, 1),
  r('2027-03-01', 'B', 0.8, 0),
  r('2027-03-01', 'C', 0.7, 1),
  r('2027-03-01', 'D', 0.1, 0),
  r('2027-03-02', 'C', 0.5, 0),
  r('2027-03-02', 'B', 0.5, 1),
  r('2027-03-02', 'A', 0.5, 0),
  r('2027-03-03', 'A', 0.3, 0),
  r('2027-03-03', 'B', 0.2, 0),
];

describe('hit rate@N', () => {
  it('counts the events among the N highest-scored records of each day', () => {
    const result = evaluateTopN(fixture, { n: 2 });
    expect(result.periods).toEqual([
      {
        period: '2027-03-01',
        interventions: 2,
        eventsCaught: 1,
        events: 2,
        hitRate: 1,
        precision: 0.5,
        recall: 0.5,
      },
      {
        period: '2027-03-02',
        interventions: 2,
        eventsCaught: 1,
        events: 1,
        hitRate: 1,
        precision: 0.5,
        recall: 1,
      },
      {
        period: '2027-03-03',
        interventions: 2,
        eventsCaught: 0,
        events: 0,
        hitRate: 0,
        precision: 0,
        recall: null,
      },
    ]);
    expect(result).toMatchObject({
      n: 2,
      periodKind: 'day',
      timeZone: 'UTC',
      tieRule: TOP_N_TIE_RULE,
      eventsCaught: 2,
      events: 3,
      interventions: 6,
      money: null,
    });
    expect(result.hitRate).toBeCloseTo(2 / 3, 12);
    expect(result.precisionAtN).toBeCloseTo(1 / 3, 12);
    expect(result.recallAtN).toBeCloseTo(2 / 3, 12);
  });

  it('breaks ties by entity ascending whatever the input order', () => {
    const tie = [r('d', 'C', 0.5, 1), r('d', 'B', 0.5, 0), r('d', 'A', 0.5, 0)].map((x) => ({
      ...x,
      period: '2027-03-02',
    }));
    expect(evaluateTopN(tie, { n: 2 }).eventsCaught).toBe(0); // A and B are checked, C is not
    expect(evaluateTopN([...tie].reverse(), { n: 2 }).eventsCaught).toBe(0);
    expect(evaluateTopN(tie, { n: 3 }).eventsCaught).toBe(1);
    expect(TOP_N_TIE_RULE).toMatch(/score descending, then entity ascending/);
  });

  it('makes fewer interventions than N on a day with fewer records; a day without records is no period', () => {
    const result = evaluateTopN([r('2027-03-01', 'A', 1, 1), r('2027-03-05', 'B', 1, 0)], { n: 3 });
    expect(result.periods.map((p) => [p.period, p.interventions])).toEqual([
      ['2027-03-01', 1],
      ['2027-03-05', 1],
    ]);
    expect(result.hitRate).toBe(0.5); // 1 caught over 2 periods (03-02 … 03-04 are not periods)
  });

  it('is empty and zero without records', () => {
    expect(evaluateTopN([], { n: 1 })).toMatchObject({
      periods: [],
      hitRate: 0,
      precisionAtN: 0,
      recallAtN: null,
      eventsCaught: 0,
    });
  });

  it('turns events caught and interventions into money', () => {
    const result = evaluateTopN(fixture, {
      n: 2,
      value: { costMissed: 1000, costIntervention: 100, currency: 'EUR' },
    });
    // 2 caught × 1000 − 6 interventions × 100
    expect(result.money).toEqual({
      caught: 2000,
      interventionCost: 600,
      net: 1400,
      currency: 'EUR',
    });
    expect(
      evaluateTopN(fixture, { n: 2, value: { costMissed: 10, costIntervention: 5 } }).money,
    ).toEqual({
      caught: 20,
      interventionCost: 30,
      net: -10,
      currency: null,
    });
  });

  it('groups days into ISO weeks', () => {
    expect(isoWeekOf('2027-03-01')).toBe('2027-W09');
    expect(isoWeekOf('2027-03-07')).toBe('2027-W09');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    const result = evaluateTopN(fixture, { n: 2, periodKind: 'week' });
    // the whole fixture is week 9: top 2 are A .9 ✓ and B .8 → 1 caught of 3 events
    expect(result.periods).toEqual([
      {
        period: '2027-W09',
        interventions: 2,
        eventsCaught: 1,
        events: 3,
        hitRate: 1,
        precision: 0.5,
        recall: 1 / 3,
      },
    ]);
  });

  it('turns instants into local days in the stated time zone', () => {
    expect(localDayOf('2027-03-01T23:30:00Z', 'UTC')).toBe('2027-03-01');
    expect(localDayOf('2027-03-01T23:30:00Z', 'Europe/Copenhagen')).toBe('2027-03-02');
    expect(localDayOf('2027-03-01T23:30:00-05:00', 'UTC')).toBe('2027-03-02');
    expect(localDayOf('2027-03-01 23:30:00', 'Europe/Copenhagen')).toBe('2027-03-01'); // already local
    const evaluator = new TopNEvaluator({ n: 1, timeZone: 'Europe/Copenhagen' });
    evaluator.add(r('2027-03-01T23:30:00Z', 'A', 1, 1));
    evaluator.add(r('2027-03-02T10:00:00Z', 'B', 2, 0));
    expect(evaluator.result().periods).toMatchObject([
      { period: '2027-03-02', interventions: 1, events: 1, eventsCaught: 0 },
    ]);
  });

  it('refuses a bad N, an unknown time zone, a score that is not a number and a bad period', () => {
    expect(() => new TopNEvaluator({ n: 0 })).toThrow(/N must be/);
    expect(() => new TopNEvaluator({ n: 1, timeZone: 'Mars/Olympus' })).toThrow(/Mars\/Olympus/);
    expect(() => evaluateTopN([r('2027-03-01', 'A', Number.NaN, 0)], { n: 1 })).toThrow(
      /not a finite number/,
    );
    expect(() => evaluateTopN([r('yesterday', 'A', 1, 0)], { n: 1 })).toThrow(/yesterday/);
  });
});

/** Unique (period, entity) rows with few distinct scores, so that ties are frequent. */
const recordsArb = fc.uniqueArray(
  fc.record({
    period: fc.constantFrom('2027-03-01', '2027-03-02', '2027-03-09'),
    entity: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    score: fc.integer({ min: 0, max: 3 }),
    label: fc.constantFrom<0 | 1>(0, 1),
  }),
  { selector: (x) => `${x.period}|${x.entity}`, maxLength: 24 },
);

describe('hit rate@N properties', () => {
  it('never exceeds min(N, events) in any period', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'day' | 'week'>('day', 'week'),
        (records, n, periodKind) => {
          for (const p of evaluateTopN(records, { n, periodKind }).periods) {
            expect(p.hitRate).toBeLessThanOrEqual(Math.min(n, p.events));
            expect(p.interventions).toBeLessThanOrEqual(n);
          }
        },
      ),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, { minLength: records.length }),
          ),
        ),
        fc.integer({ min: 1, max: 6 }),
        ([records, shuffled], n) => {
          expect(evaluateTopN(shuffled, { n })).toEqual(evaluateTopN(records, { n }));
        },
      ),
    );
  });

  it('does not depend on the order of the rows, in days and in ISO weeks, ties included', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, { minLength: records.length }),
          ),
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'day' | 'week'>('day', 'week'),
        ([records, shuffled], n, periodKind) => {
          expect(evaluateTopN(shuffled, { n, periodKind })).toEqual(
            evaluateTopN(records, { n, periodKind }),
          );
        },
      ),
    );
  });

  it('gives the same answer fed through period slots, skipping what is below the bar', () => {
    // How `sextant evaluate` feeds it: counts per slot, an offer only at or above the bar.
    fc.assert(
      fc.property(
        recordsArb.chain((records) => fc.shuffledSubarray(records, { minLength: records.length })),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'day' | 'week'>('day', 'week'),
        (records, n, periodKind) => {
          const evaluator = new TopNEvaluator({ n, periodKind });
          const bars = new Map<string, number>();
          for (const x of records) {
            const slot = evaluator.slotOf(x.period);
            evaluator.countInSlot(slot, 1, x.label);
            if (x.score >= (bars.get(x.period) ?? -Infinity)) {
              bars.set(x.period, evaluator.offerToSlot(slot, x.period, x.entity, x.score, x.label));
            }
          }
          expect(evaluator.result()).toEqual(evaluateTopN(records, { n, periodKind }));
        },
      ),
    );
  });

  it('gives the same answer read in two parts and absorbed as read whole', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((records) =>
          fc.tuple(fc.constant(records), fc.integer({ min: 0, max: records.length })),
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'day' | 'week'>('day', 'week'),
        ([records, cut], n, periodKind) => {
          const first = new TopNEvaluator({ n, periodKind });
          const second = new TopNEvaluator({ n, periodKind });
          records.slice(0, cut).forEach((x) => first.add(x));
          records.slice(cut).forEach((x) => second.add(x));
          // Through a structured clone, as between threads.
          first.absorb(structuredClone(second.partial()));
          expect(first.result()).toEqual(evaluateTopN(records, { n, periodKind }));
        },
      ),
    );
  });

  it('agrees with sorting each whole period', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 1, max: 6 }), (records, n) => {
        const byDay = new Map<string, ScoredRecord[]>();
        for (const x of records) byDay.set(x.period, [...(byDay.get(x.period) ?? []), x]);
        const expected = [...byDay.keys()].sort().map((day) => {
          const top = byDay
            .get(day)!
            .sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : 1))
            .slice(0, n);
          return [day, top.reduce((s, x) => s + x.label, 0)];
        });
        expect(evaluateTopN(records, { n }).periods.map((p) => [p.period, p.eventsCaught])).toEqual(
          expected,
        );
      }),
    );
  });
});
