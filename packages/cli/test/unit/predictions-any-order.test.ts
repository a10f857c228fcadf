import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TopNEvaluator, type TopNOptions } from '@sextant/core/evaluation';
import { afterAll, describe, expect, it } from 'vitest';
import { parseColumns } from '../../src/evaluate-input.js';
import { scanPredictionsInParts } from '../../src/evaluate-parts.js';
import { dateKeyOf } from '../../src/predictions-scanner.js';

const dir = mkdtempSync(join(tmpdir(), 'sextant-any-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface Row {
  period: string;
  entity: string;
  score: number;
  label: 0 | 1;
}

/** The rows as a CSV file; some written quoted or padded, so that both reading paths meet. */
function write(rows: Row[]): string {
  const path = join(dir, `p${files++}.csv`);
  const lines = rows.map((r, k) =>
    k % 7 === 3
      ? `"${r.period}","${r.entity}",${r.score},"${r.label}"`
      : k % 5 === 4
        ? ` ${r.period} , ${r.entity} ,${r.score}, ${r.label}`
        : `${r.period},${r.entity},${r.score},${r.label}`,
  );
  writeFileSync(path, `period,entity,score,label\n${lines.join('\n')}\n`);
  return path;
}

/** What `sextant evaluate` computes from a file, read by one thread: the result, or the error. */
async function evaluate(path: string, options: TopNOptions) {
  const evaluator = new TopNEvaluator(options);
  try {
    const scan = await scanPredictionsInParts(path, evaluator, options, {
      threads: 1,
      columns: parseColumns(undefined),
      timeZone: 'UTC',
    });
    return {
      result: evaluator.result(),
      days: [...scan.days].sort(),
      entities: [...scan.entities].sort(),
    };
  } catch (error) {
    return { error: (error as Error).message.replace(path, 'FILE') };
  }
}

/**
 * Unique (day, entity) rows over two ISO weeks (03-01 and 03-02 in week 9, 03-08 and 03-09
 * in week 10), with few distinct scores so that ties are frequent.
 */
const rowsArb = fc.uniqueArray(
  fc.record({
    period: fc.constantFrom('2027-03-01', '2027-03-02', '2027-03-08', '2027-03-09'),
    entity: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
    score: fc.constantFrom(0, 0.5, 1, 2.25),
    label: fc.constantFrom<0 | 1>(0, 1),
  }),
  { selector: (r) => `${r.period}|${r.entity}`, minLength: 1, maxLength: 40 },
);

const byPeriod = (a: Row, b: Row) =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : a.entity < b.entity ? -1 : 1;

describe('sextant evaluate reads rows in any order', () => {
  it('answers the same for any permutation of the rows, in days and in weeks, ties included', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<'day' | 'week'>('day', 'week'),
        async ([rows, shuffled], n, periodKind) => {
          const sorted = await evaluate(write([...rows].sort(byPeriod)), { n, periodKind });
          expect(sorted.error).toBeUndefined();
          expect(await evaluate(write(shuffled), { n, periodKind })).toEqual(sorted);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names both lines of an entity twice in a day, wherever the two rows are', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb.chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length })),
        fc.nat(),
        fc.nat(),
        async (rows, pick, place) => {
          const repeated = rows[pick % rows.length]!;
          const copy = { ...repeated, score: repeated.score + 1 };
          const withCopy: Row[] = [...rows];
          withCopy.splice(place % (rows.length + 1), 0, copy);
          const first = withCopy.findIndex(
            (r) => r.period === repeated.period && r.entity === repeated.entity,
          );
          const second = withCopy.findIndex(
            (r, k) => k > first && r.period === repeated.period && r.entity === repeated.entity,
          );
          // Line 1 is the header: the row at index k is on line k + 2.
          expect(await evaluate(write(withCopy), { n: 2 })).toEqual({
            error: `FILE line ${second + 2}: duplicate row: entity ${repeated.entity} already has a row for ${repeated.period} on line ${first + 2}`,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops on the first mistake in file order, a duplicate or a bad score', async () => {
    const rows = [
      '2027-03-02,a,1,0',
      '2027-03-01,b,1,0',
      '2027-03-01,a,2,1',
      '2027-03-02,b,x,0', // a bad score on line 5
      '2027-03-01,b,3,0', // repeats line 3, after it
    ];
    const path = join(dir, 'mistakes.csv');
    writeFileSync(path, `period,entity,score,label\n${rows.join('\n')}\n`);
    expect(await evaluate(path, { n: 1 })).toEqual({
      error: 'FILE line 5: score "x" is not a number',
    });
    // The same row both repeats a cell and has a bad score: the repeat is named.
    writeFileSync(
      path,
      `period,entity,score,label\n${rows.slice(0, 3).join('\n')}\n2027-03-02,a,x,0\n`,
    );
    expect(await evaluate(path, { n: 1 })).toEqual({
      error: 'FILE line 5: duplicate row: entity a already has a row for 2027-03-02 on line 2',
    });
  });
});

describe('the reader of the usual layout', () => {
  /** Fields as they come in files, many of them wrong: both readers must agree on all. */
  const field = {
    period: fc.constantFrom(
      '2027-03-01',
      '2027-03-02',
      ' 2027-03-01',
      '"2027-03-02"',
      '2027-13-01',
      '2027-02-30',
      '2027-3-01',
      '2027-03-01T10:00:00Z',
      '2027-03-02 06:00:00',
      '',
    ),
    entity: fc.constantFrom('a', 'b', 'c', 'ä', ' a', '"b"', 'x y', ''),
    score: fc.constantFrom(
      '0.5',
      '1',
      '-0.25',
      '.5',
      '5.',
      '+1',
      '1e3',
      ' 2',
      'x',
      '',
      '0.1234567890123456',
    ),
    label: fc.constantFrom('0', '1', '1', '0', '2', '', ' 1', '"0"', '1\r'),
  };
  const lineArb = fc.tuple(field.period, field.entity, field.score, field.label);

  it('reads every line as the general reader does, or stops where and as it stops', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 12 }), async (lines) => {
        const usual = join(dir, `usual-${files}.csv`);
        const swapped = join(dir, `swapped-${files++}.csv`);
        writeFileSync(
          usual,
          `period,entity,score,label\n${lines.map(([p, e, s, l]) => `${p},${e},${s},${l}`).join('\n')}\n`,
        );
        // Entity first: another layout, read by the general reader alone.
        writeFileSync(
          swapped,
          `entity,period,score,label\n${lines.map(([p, e, s, l]) => `${e},${p},${s},${l}`).join('\n')}\n`,
        );
        const a = await evaluate(usual, { n: 2 });
        const b = await evaluate(swapped, { n: 2 });
        expect(a.error?.replace(usual, 'FILE')).toEqual(b.error?.replace(swapped, 'FILE'));
        expect(a.result).toEqual(b.result);
      }),
      { numRuns: 100 },
    );
  });
});

describe('dateKeyOf', () => {
  it('keys each YYYY-MM-DD apart and refuses anything else', () => {
    const key = (text: string) => dateKeyOf(Buffer.from(text), 0, text.length);
    expect(key('2027-03-02') - key('2027-03-01')).toBe(1);
    expect(key('2027-04-01') - key('2027-03-31')).toBe(1);
    expect(key('2028-01-01') - key('2027-12-31')).toBe(1);
    for (const bad of [
      '2027-13-01',
      '2027-00-10',
      '2027-03-32',
      '2027-03-00',
      '2027/03/01',
      '2027-3-01',
      '20270301',
      '2027-03-0a',
    ])
      expect(key(bad)).toBe(-1);
  });
});
