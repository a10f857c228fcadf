import { describe, expect, it } from 'vitest';
import { clockStartingAt, parseClockStart } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';

describe('SEXTANT_NOW', () => {
  it('starts the clock at the given instant, then lets it run at the system’s pace', () => {
    let system = Date.parse('2026-12-02T08:00:00Z');
    const clock = clockStartingAt(new Date('2028-02-29T23:59:00Z'), {
      now: () => new Date(system),
    });
    expect(clock.now().toISOString()).toBe('2028-02-29T23:59:00.000Z');
    system += 90_000;
    expect(clock.now().toISOString()).toBe('2028-03-01T00:00:30.000Z');
  });

  it('takes a day or an instant, and refuses anything else naming the variable', () => {
    expect(parseClockStart(undefined)).toBeNull();
    expect(parseClockStart(' ')).toBeNull();
    expect(parseClockStart('2027-01-01')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseClockStart('2027-01-01T09:30:00+02:00')?.toISOString()).toBe(
      '2027-01-01T07:30:00.000Z',
    );
    for (const bad of ['yesterday', '2027-02-30T00:00:00Z', '1700000000', '2027-13-01']) {
      expect(() => parseClockStart(bad), bad).toThrow(/SEXTANT_NOW must be an ISO-8601/);
    }
    expect(loadConfig({ SEXTANT_NOW: '2027-06-30T10:00:00Z' }).clockStart?.toISOString()).toBe(
      '2027-06-30T10:00:00.000Z',
    );
    expect(loadConfig({}).clockStart).toBeNull();
  });
});
