import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner, grownInts, hashBytes, parsePlainDecimal } from '../../src/byte-fields.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parsePlainDecimal', () => {
  it('reads exactly what Number reads, for plain decimals of up to 15 digits', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^\d{1,8}$/),
        fc.stringMatching(/^\d{0,7}$/),
        (negative, whole, fraction) => {
          const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
          expect(Object.is(parsePlainDecimal(bytes(text), 0, text.length), Number(text))).toBe(
            true,
          );
        },
      ),
    );
  });

  it.each([
    ['.25', 0.25],
    ['7.', 7],
    ['+3', 3],
    ['-0', -0],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
  ])('reads %s', (text, value) => {
    expect(Object.is(parsePlainDecimal(bytes(text), 0, text.length), value)).toBe(true);
  });

  it.each(['', '-', '.', '1e5', 'Infinity', '0x10', '1.2.3', ' 1', '1 ', '1234567890123456'])(
    'leaves "%s" to Number (NaN here)',
    (text) => {
      expect(parsePlainDecimal(bytes(text), 0, text.length)).toBeNaN();
    },
  );

  it('reads a field in the middle of a line', () => {
    const line = bytes('2027-03-01,A,0.125,1');
    expect(parsePlainDecimal(line, 13, 18)).toBe(0.125);
  });
});

describe('ByteInterner', () => {
  it('gives each distinct name one id, in first-seen order, through its table growing', () => {
    const interner = new ByteInterner();
    const names = Array.from({ length: 5_000 }, (_, k) => `machine-${k}`);
    names.push('é', 'e\u0301'); // different bytes, different names
    const line = bytes(names.join(','));
    const ranges: Array<[number, number]> = [];
    let at = 0;
    for (const name of names) {
      const length = Buffer.byteLength(name);
      ranges.push([at, at + length]);
      at += length + 1;
    }
    const first = ranges.map(([s, e]) => interner.intern(line, s, e));
    expect(first).toEqual(names.map((_, k) => k));
    // Seen again, by hash: the same ids; and the decoded names.
    expect(ranges.map(([s, e]) => interner.idOf(hashBytes(line, s, e), line, s, e))).toEqual(first);
    expect(interner.names).toEqual(names);
    expect(interner.find(hashBytes(bytes('nobody'), 0, 6), bytes('nobody'), 0, 6)).toBe(-1);
  });
});

describe('grownInts', () => {
  it('doubles the array, keeping its values and setting the new cells to the fill', () => {
    const array = Int32Array.from([3, -1, 7]);
    expect([...grownInts(array, -1)]).toEqual([3, -1, 7, -1, -1, -1]);
    expect([...grownInts(array)]).toEqual([3, -1, 7, 0, 0, 0]);
  });
});
