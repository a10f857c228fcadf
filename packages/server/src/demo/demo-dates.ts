import { addDays, utcDay } from '@sextant/core';
import type { Clock } from '../clock.js';

/** Days relative to the seed's clock, so the demo has the same shape whenever it is seeded. */
export interface DemoDates {
  today: string;
  /** The day `offset` days from today (negative: in the past). */
  day(offset: number): string;
  /** That day at a time of day, as an ISO instant. */
  at(offset: number, time?: string): string;
  /** The first day of today's quarter. */
  quarterStart: string;
  /** The later of two days. */
  later(a: string, b: string): string;
}

/** The first day of a day's quarter: 2026-11-23 → 2026-10-01. */
function quarterStartOf(day: string): string {
  const month = Number(day.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export function demoDates(clock: Clock): DemoDates {
  const today = utcDay(clock.now());
  const day = (offset: number) => addDays(today, offset);
  return {
    today,
    day,
    at: (offset, time = '09:00:00') => `${day(offset)}T${time}.000Z`,
    quarterStart: quarterStartOf(today),
    later: (a, b) => (a > b ? a : b),
  };
}

/**
 * A clock the seed moves into the past, so records written through the services (a project
 * created, a goal set) carry the day they would have been written on.
 */
export class TravelClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = start;
  }

  now(): Date {
    return this.current;
  }

  setDay(day: string, time = '09:00:00'): void {
    this.current = new Date(`${day}T${time}.000Z`);
  }

  setNow(now: Date): void {
    this.current = now;
  }
}
