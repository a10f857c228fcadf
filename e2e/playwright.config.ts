import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/** Paths are fixed against the repository root, wherever Playwright is started from. */
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * End-to-end tests against the built app (run `npm run build` first; this config
 * never builds). Each worker starts its own `sextant serve` on a free port with a
 * fresh SQLite data folder: see support/server.ts.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: `${root}test-results/e2e-output`,
  reporter: [['list'], ['json', { outputFile: `${root}test-results/e2e-results.json` }]],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
