import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayTops } from '../../src/day-tops.js';

const names = ['d', 'a', 'c', 'b', 'e', 'f'];

describe('DayTops', () => {
  it('keeps each day’s N best rows (score descending, then name ascending) and answers the bar', () => {
    fc.assert(
      fc.property(
        // (day, entity id, score, label): an entity once a day, scores with ties.
        fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 5 }),
            fc.constantFrom(0, 0.5, 1),
            fc.constantFrom(0, 1),
          ),
          { selector: ([day, id]) => `${day}|${id}` },
        ),
        fc.integer({ min: 1, max: 4 }),
        (rows, n) => {
          const tops = new DayTops(n, names);
          tops.reserve(3);
          const bars = [-Infinity, -Infinity, -Infinity];
          for (const [day, id, score, label] of rows) {
            // Rows below the bar are not offered, as the reader does.
            if (score >= bars[day]!) bars[day] = tops.offer(day, score, id, label);
          }
          for (const day of [0, 1, 2]) {
            const expected = rows
              .filter((r) => r[0] === day)
              .sort((a, b) => b[2] - a[2] || (names[a[1]]! < names[b[1]]! ? -1 : 1))
              .slice(0, n)
              .map(([, id, score, label]) => [score, id, label]);
            const kept: number[][] = [];
            tops.forEach(day, (score, id, label) => kept.push([score, id, label]));
            const order = (x: number[], y: number[]) =>
              y[0]! - x[0]! || (names[x[1]!]! < names[y[1]!]! ? -1 : 1);
            expect(kept.sort(order)).toEqual(expected);
            expect(bars[day]).toBe(expected.length < n ? -Infinity : expected.at(-1)![0]);
          }
        },
      ),
    );
  });
});
