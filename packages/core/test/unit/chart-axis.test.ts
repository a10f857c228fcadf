import { describe, expect, it } from 'vitest';
import { niceAxis } from '../../src/index.js';

describe('niceAxis', () => {
  it('holds every value on round ticks, with room above the top line', () => {
    expect(niceAxis([0.35, 0.42, 0.6, 0.25])).toEqual({ min: 0.2, max: 0.7, interval: 0.1 });
  });

  it('pads a single value and never goes below zero for non-negative data', () => {
    // 2 ± 20 % is 1.6..2.4 on steps of 0.2, plus one step of room above: 1.6..2.6.
    expect(niceAxis([2, 2])).toEqual({ min: 1.6, max: 2.6, interval: 0.2 });
    expect(niceAxis([0, 0.1])).toMatchObject({ min: 0 });
  });
});
