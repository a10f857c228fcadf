import { describe, expect, it } from 'vitest';
import { isTimeZone, nextDaily, nextWeekly, zonedInstant } from '../../src/index.js';

const at = (iso: string): Date => new Date(iso);

describe('nextWeekly', () => {
  it('is the coming Monday 08:00 in the zone', () => {
    // Wednesday 18 Nov 2026, Berlin is UTC+1 in winter.
    expect(nextWeekly(at('2026-11-18T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
    expect(nextWeekly(at('2026-11-18T10:00:00Z'), 'UTC').toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
  });

  it('is strictly after: at the instant itself it is a week later', () => {
    expect(nextWeekly(at('2026-11-23T07:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-11-30T07:00:00.000Z',
    );
    expect(nextWeekly(at('2026-11-23T06:59:59.999Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
  });

  it('keeps 08:00 on the wall clock across the spring change (Berlin, 28 March 2027)', () => {
    // Monday 22 March is still CET (07:00Z); Monday 29 March is CEST (06:00Z).
    const before = nextWeekly(at('2027-03-20T12:00:00Z'), 'Europe/Berlin');
    expect(before.toISOString()).toBe('2027-03-22T07:00:00.000Z');
    expect(nextWeekly(before, 'Europe/Berlin').toISOString()).toBe('2027-03-29T06:00:00.000Z');
  });

  it('keeps 08:00 on the wall clock across the autumn change (Berlin, 25 October 2026)', () => {
    const before = nextWeekly(at('2026-10-17T12:00:00Z'), 'Europe/Berlin');
    expect(before.toISOString()).toBe('2026-10-19T06:00:00.000Z');
    expect(nextWeekly(before, 'Europe/Berlin').toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('reads the weekday in the zone, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo: the next Monday 08:00 there is a week on.
    expect(nextWeekly(at('2026-11-22T23:30:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    );
    // Monday 05:00 UTC is still Sunday evening in Los Angeles.
    expect(nextWeekly(at('2026-11-23T05:00:00Z'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-23T16:00:00.000Z',
    );
  });

  it('takes another weekday and hour', () => {
    // Friday 17:00 in New York (EST, UTC-5).
    expect(nextWeekly(at('2026-11-18T10:00:00Z'), 'America/New_York', 5, 17).toISOString()).toBe(
      '2026-11-20T22:00:00.000Z',
    );
    expect(() => nextWeekly(at('2026-11-18T10:00:00Z'), 'UTC', 7)).toThrow(/weekday/);
    expect(() => nextWeekly(at('2026-11-18T10:00:00Z'), 'UTC', 1, 24)).toThrow(/hour/);
  });
});

describe('nextDaily', () => {
  it('is today at the hour when still ahead, else tomorrow', () => {
    expect(nextDaily(at('2026-11-18T06:00:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2026-11-18T07:00:00.000Z',
    );
    expect(nextDaily(at('2026-11-18T07:00:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2026-11-19T07:00:00.000Z',
    );
  });

  it('steps over the spring change with the wall clock', () => {
    const saturday = nextDaily(at('2027-03-27T12:00:00Z'), 'Europe/Berlin', 8);
    expect(saturday.toISOString()).toBe('2027-03-28T06:00:00.000Z');
    expect(nextDaily(at('2027-03-26T12:00:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2027-03-27T07:00:00.000Z',
    );
  });

  it('lands just after a local hour that does not exist that day', () => {
    // 02:00 on 28 March 2027 does not exist in Berlin (01:59 CET is followed by 03:00 CEST).
    expect(nextDaily(at('2027-03-27T12:00:00Z'), 'Europe/Berlin', 2).toISOString()).toBe(
      '2027-03-28T01:00:00.000Z',
    );
  });
});

describe('zonedInstant and isTimeZone', () => {
  it('turns a wall-clock time into the instant', () => {
    expect(zonedInstant('Europe/Berlin', 2026, 7, 1, 8).toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    expect(zonedInstant('Asia/Kolkata', 2026, 7, 1, 8, 30).toISOString()).toBe(
      '2026-07-01T03:00:00.000Z',
    );
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
