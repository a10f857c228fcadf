import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenCells } from '../../src/seen-cells.js';

/** (entity id, day number) cells over about 8 years, often the same ones. */
const cellsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 17_000, max: 20_000 })),
  { maxLength: 200 },
);

/** Marks the cells in order; answers what `mark` said for each (true: marked before). */
function markAll(seen: SeenCells, cells: Array<[number, number]>): boolean[] {
  return cells.map(([id, day]) => seen.mark(id, day));
}

describe('SeenCells', () => {
  it('says whether a cell was marked before, as a set of its cells does, through its growth', () => {
    fc.assert(
      fc.property(cellsArb, fc.boolean(), (cells, small) => {
        // A budget of 0 bytes: the bitmap gives way to the set as soon as it would grow.
        const seen = new SeenCells(small ? 0 : undefined);
        const model = new Set<string>();
        const expected = cells.map(([id, day]) => {
          const key = `${id}|${day}`;
          const before = model.has(key);
          model.add(key);
          return before;
        });
        expect(markAll(seen, cells)).toEqual(expected);
        expect(seen.cells).toBe(model.size);
        for (const [id, day] of cells) expect(seen.has(id, day)).toBe(true);
        expect(seen.has(301, 17_000)).toBe(false);
        const listed: string[] = [];
        seen.forEach((id, day) => listed.push(`${id}|${day}`));
        expect(listed.sort()).toEqual([...model].sort());
      }),
    );
  });

  it('grows its bitmap towards earlier and later days and more entities', () => {
    const seen = new SeenCells();
    expect(seen.mark(5, 20_000)).toBe(false);
    expect(seen.mark(5, 12_000)).toBe(false); // 22 years earlier
    expect(seen.mark(3000, 30_000)).toBe(false); // a far entity, 27 years later
    expect(seen.sparse).toBe(false);
    expect([seen.has(5, 20_000), seen.has(5, 12_000), seen.has(3000, 30_000)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(seen.mark(5, 12_000)).toBe(true);
    expect(seen.has(5, 12_001)).toBe(false);
  });

  it('gives up the bitmap for a set of the cells when the bitmap would pass its budget', () => {
    // 100,000 entities with one cell each over 20 years: a bitmap of 91 MB, 100,000 cells.
    const seen = new SeenCells();
    let repeats = 0;
    for (let id = 0; id < 100_000; id++)
      if (seen.mark(id, 10_000 + ((id * 73) % 7300))) repeats += 1;
    expect(repeats).toBe(0);
    expect(seen.sparse).toBe(true);
    expect(seen.cells).toBe(100_000);
    expect(seen.mark(99_999, 10_000 + ((99_999 * 73) % 7300))).toBe(true);
    expect(seen.has(0, 10_001)).toBe(false);
  });

  it('finds a cell two parts share, entity ids translated, and absorbs the other part', () => {
    fc.assert(
      fc.property(cellsArb, cellsArb, fc.boolean(), (mine, theirs, sparse) => {
        const a = new SeenCells(sparse ? 0 : undefined);
        const b = new SeenCells();
        markAll(a, mine);
        markAll(b, theirs);
        // b's entity k is a's entity 300 − k, and b's entities above 200 a has not seen.
        const idMap = Int32Array.from({ length: 301 }, (_, k) => (k > 200 ? -1 : 300 - k));
        const shared = theirs.some(
          ([id, day]) => idMap[id]! >= 0 && mine.some(([m, d]) => m === idMap[id] && d === day),
        );
        expect(a.overlaps(SeenCells.fromData(b.toData()), idMap)).toBe(shared);
        const known = Int32Array.from({ length: 301 }, (_, k) => 300 - k);
        a.absorb(b, known);
        for (const [id, day] of theirs) expect(a.has(known[id]!, day)).toBe(true);
      }),
    );
  });
});
