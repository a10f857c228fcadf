import { describe, expect, it } from 'vitest';
import {
  MINUS,
  formatDayRangeText,
  formatDayShort,
  formatDayText,
  formatMonthText,
  formatPercentText,
} from '../../src/index.js';

describe('one way to write dates', () => {
  it('writes a calendar day as `2 Dec 2026`, never shifted by a time zone', () => {
    expect(formatDayText('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDayText('2028-02-29')).toBe('29 Feb 2028');
    expect(formatDayText('2026-12-02', 'Pacific/Kiritimati')).toBe('2 Dec 2026');
    expect(formatDayShort('2026-10-03')).toBe('3 Oct');
    expect(formatMonthText('2026-10')).toBe('Oct 2026');
    expect(formatMonthText('2026-13')).toBe('2026-13');
  });

  it('writes an instant as its day in the given time zone (UTC by default)', () => {
    expect(formatDayText('2026-12-31T23:30:00Z')).toBe('31 Dec 2026');
    expect(formatDayText('2026-12-31T23:30:00Z', 'Europe/Copenhagen')).toBe('1 Jan 2027');
    expect(formatDayText('not a date')).toBe('not a date');
  });

  it('writes ranges once per month and year', () => {
    expect(formatDayRangeText('2026-03-03', '2026-03-14')).toBe('3 – 14 Mar 2026');
    expect(formatDayRangeText('2026-02-24', '2026-03-06')).toBe('24 Feb – 6 Mar 2026');
    expect(formatDayRangeText('2026-12-21', '2027-01-03')).toBe('21 Dec 2026 – 3 Jan 2027');
  });
});

describe('percentages', () => {
  it('are signed, with a true minus and no currency', () => {
    expect(formatPercentText(63.5)).toBe('+63.5 %');
    expect(formatPercentText(-49.04)).toBe(`${MINUS}49 %`);
    expect(formatPercentText(0.01)).toBe('0 %');
    expect(formatPercentText(64, 0)).toBe('+64 %');
  });
});
