#!/usr/bin/env node
// `npm run test:dates`: the date-sensitive tests (the demo, alerts, sprints, ROI, deployments'
// "days since", insights per quarter, goals' deadlines) with the whole suite's clock moved to
// the calendar's edges. Every test clock, the servers the tests start (SEXTANT_NOW) and the
// browser's clock start at SEXTANT_TEST_NOW (packages/server/test/support/test-now.ts).
//
//   node scripts/test-dates.mjs [--dates 2027-01-31,2028-02-29] [--no-e2e] [--no-build]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

/** A month's last day, the 1st, the 15th, 31 December, 1 January, 29 February, a quarter's end. */
const EDGES = [
  '2027-01-31',
  '2027-03-01',
  '2027-03-15',
  '2026-12-31',
  '2027-01-01',
  '2028-02-29',
  '2027-06-30',
];

const VITEST_FILES = [
  'packages/server/test/integration/demo-any-day.test.ts',
  'packages/server/test/integration/alerts.test.ts',
  'packages/server/test/integration/sprints.test.ts',
  'packages/server/test/integration/delivery.test.ts',
  'packages/server/test/integration/goals.test.ts',
  'packages/server/test/integration/ledger.test.ts',
  'packages/server/test/integration/deployments.test.ts',
  'packages/server/test/integration/insights.test.ts',
  'packages/server/test/integration/portfolio.test.ts',
  'packages/server/test/integration/stage.test.ts',
  'packages/server/test/integration/reports.test.ts',
  'packages/server/test/integration/production.test.ts',
  'packages/cli/test/integration/run-report.test.ts',
];

const E2E_SPECS = [
  'demo',
  'roi',
  'insights',
  'deployments',
  'sprints',
  'sprints-screens',
  'sprint-review',
  'delivery-warnings',
  'portfolio',
  'goals',
  'main-journey',
  'tokens',
].map((name) => `e2e/tests/${name}.spec.ts`);

const { values } = parseArgs({
  options: {
    dates: { type: 'string' },
    'no-e2e': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const dates = values.dates ? values.dates.split(',').map((d) => d.trim()) : EDGES;

function run(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

if (!values['no-build'] && !values['no-e2e']) {
  if (!run('build', 'npm', ['run', 'build', '--silent']).ok) process.exit(1);
}

const rows = [];
for (const date of dates) {
  const env = { SEXTANT_TEST_NOW: `${date}T10:00:00.000Z` };
  const vitest = run(
    `${date} · unit + integration`,
    'npx',
    ['vitest', 'run', ...VITEST_FILES],
    env,
  );
  const e2e = values['no-e2e']
    ? null
    : run(
        `${date} · end-to-end`,
        'npx',
        ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...E2E_SPECS],
        env,
      );
  rows.push({ date, vitest, e2e });
}

process.stdout.write('\n══ Date-sensitive tests, the clock set to each day ══\n');
for (const { date, vitest, e2e } of rows) {
  const mark = (r) => (r === null ? 'not run' : `${r.ok ? 'passed' : 'FAILED'} (${r.seconds}s)`);
  process.stdout.write(`  ${date}  vitest ${mark(vitest).padEnd(18)} playwright ${mark(e2e)}\n`);
}
const failed = rows.some((r) => !r.vitest.ok || (r.e2e && !r.e2e.ok));
process.stdout.write(`RESULT: ${failed ? 'FAILED' : 'PASSED'}\n`);
process.exit(failed ? 1 : 0);
