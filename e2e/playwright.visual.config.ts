import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The look of every page, compared with a baseline taken earlier on this machine: for a
 * refactoring that must change nothing a user sees. Not part of `npm test` (the baseline is
 * per machine and gitignored). Take the baseline on the commit before the change with
 * `npm run test:visual -- --update-snapshots`, then run `npm run test:visual` after it.
 */
export default defineConfig({
  ...base,
  testDir: './visual',
  outputDir: `${root}test-results/visual-output`,
  reporter: [['list']],
  snapshotPathTemplate: `${root}e2e/artifacts/visual-baseline/{arg}{ext}`,
  timeout: 600_000,
  expect: {
    timeout: 10_000,
    toHaveScreenshot: { animations: 'disabled', caret: 'hide', maxDiffPixels: 0 },
  },
});
