import type { Clock } from '@sextant/server';

/** A clock tests can move: tokens expire and throttling windows pass without waiting. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Puts the clock at an instant (earlier or later), e.g. inside an imported history. */
  set(instant: Date): void {
    this.current = instant.getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
