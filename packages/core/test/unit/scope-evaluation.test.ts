import { describe, expect, it } from 'vitest';
import {
  canonicalEvaluationStrategy,
  countNamedUsers,
  durationHours,
  isCalendarDate,
  mergeScope,
  EMPTY_SCOPE,
  PocConstraintsSchema,
} from '../../src/index.js';

describe('scope', () => {
  it('counts only users with a person’s name as named', () => {
    expect(countNamedUsers({ users: [{ role: 'Planner' }, { name: '  ' }] })).toBe(0);
    expect(
      countNamedUsers({ users: [{ role: 'Planner' }, { name: 'Maria', role: 'Planner' }] }),
    ).toBe(1);
  });

  it('merges a patch key by key; null clears, absent keeps', () => {
    const base = mergeScope(EMPTY_SCOPE, { why: 'Pain', currentMetric: { name: 'x', value: 1 } });
    const next = mergeScope(base, { currentMetric: null, sponsor: 'CFO' });
    expect(next).toMatchObject({ why: 'Pain', sponsor: 'CFO', currentMetric: null });
  });

  it('accepts exactly two different POC constraints', () => {
    expect(PocConstraintsSchema.safeParse(['time', 'accuracy']).success).toBe(true);
    expect(PocConstraintsSchema.safeParse(['time']).success).toBe(false);
    expect(PocConstraintsSchema.safeParse(['time', 'time']).success).toBe(false);
    expect(PocConstraintsSchema.safeParse(['time', 'resources', 'accuracy']).success).toBe(false);
  });
});

describe('evaluation strategy', () => {
  it('reads durations in hours', () => {
    expect(durationHours('12h')).toBe(12);
    expect(durationHours('2d')).toBe(48);
    expect(durationHours('2w')).toBe(336);
    expect(() => durationHours('2 weeks')).toThrow('Malformed duration');
  });

  it('writes equivalent strategies the same way and different ones differently', () => {
    const a = canonicalEvaluationStrategy({
      trainWindow: 'expanding',
      testWindow: '14d',
      step: '1d',
      horizon: '2d',
    });
    const b = canonicalEvaluationStrategy({
      trainWindow: 'expanding',
      testWindow: '2w',
      step: '24h',
      horizon: '48h',
      trainSize: '10w',
    });
    const c = canonicalEvaluationStrategy({
      trainWindow: 'sliding',
      trainSize: '10w',
      testWindow: '2w',
      step: '1d',
      horizon: '2d',
    });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(JSON.parse(a)).toEqual({
      horizonHours: 48,
      stepHours: 24,
      testWindowHours: 336,
      trainSizeHours: null,
      trainWindow: 'expanding',
    });
  });
});

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-01-00')).toBe(false);
  });

  it('agrees with a Date round trip on every day of four centuries and the days after them', () => {
    const byDate = (value: string) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let year = 1800; year < 2200; year += 1) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const real = byDate(value);
          if (isCalendarDate(value) !== real)
            expect(`${value}: ${isCalendarDate(value)}`).toBe(real);
        }
      }
    }
  });
});
