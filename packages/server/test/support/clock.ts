import type { Clock } from '@sextant/server';
import { TEST_NOW } from './test-now.js';

/**
 * A clock tests can move: tokens expire and throttling windows pass without waiting. It starts
 * at TEST_NOW, never at the day the suite happens to run on.
 */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date = TEST_NOW) {
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
