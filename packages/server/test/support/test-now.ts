/**
 * The instant every test's clock starts at, so that no test depends on the day it runs: the
 * in-process apps' TestClock, the server processes the CLI and browser tests start
 * (`SEXTANT_NOW`) and the browser's own clock all start here. `SEXTANT_TEST_NOW` moves the
 * whole suite to another day (`npm run test:dates` tries the calendar's edges with it).
 */
export const DEFAULT_TEST_NOW = '2026-11-18T10:00:00.000Z';

function testNow(value: string | undefined): Date {
  const text = value?.trim() || DEFAULT_TEST_NOW;
  const instant = new Date(text.length === 10 ? `${text}T10:00:00.000Z` : text);
  if (!Number.isFinite(instant.getTime())) {
    throw new Error(`SEXTANT_TEST_NOW must be a date or an ISO instant, got "${value}"`);
  }
  return instant;
}

export const TEST_NOW: Date = testNow(process.env.SEXTANT_TEST_NOW);

/** The test day `offset` days from TEST_NOW, as YYYY-MM-DD (UTC). */
export function testDay(offset = 0): string {
  return new Date(TEST_NOW.getTime() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
