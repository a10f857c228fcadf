import type { BrowserContext } from '@playwright/test';
import { TEST_NOW } from '../../packages/server/test/support/test-now.js';

export { TEST_NOW };

/**
 * The suite's "now": TEST_NOW plus the time this process has run, so the test process, the
 * servers it starts (`SEXTANT_NOW`) and the browser (`page.clock`) agree on the day, whatever
 * day the suite runs on.
 */
const startedAt = Date.now();
export function testNow(): Date {
  return new Date(TEST_NOW.getTime() + (Date.now() - startedAt));
}

/** The environment that starts a server or a CLI command on the suite's clock. */
export const TEST_CLOCK_ENV = { SEXTANT_NOW: TEST_NOW.toISOString() } as const;

/** Gives the browser the suite's clock; time then runs at its normal pace. */
export async function installTestClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: testNow() });
}
