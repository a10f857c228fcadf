import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/domain/date-format.js';

describe('formatDay', () => {
  it('writes a calendar day as day, short month and year, without a leading zero', () => {
    expect(formatDay('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDay('2027-01-31')).toBe('31 Jan 2027');
    expect(formatDay('2028-02-29')).toBe('29 Feb 2028');
  });

  it('writes an instant by its UTC day, whatever its offset or the machine’s zone', () => {
    expect(formatDay('2026-12-02T23:30:00Z')).toBe('2 Dec 2026');
    // 00:30 on 3 Dec in Paris is still 2 Dec in UTC.
    expect(formatDay('2026-12-03T00:30:00+01:00')).toBe('2 Dec 2026');
    expect(formatDay(Date.UTC(2026, 9, 3, 12))).toBe('3 Oct 2026');
  });

  it('returns text that is not a date as given', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatDay('')).toBe('');
  });
});
