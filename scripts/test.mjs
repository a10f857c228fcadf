#!/usr/bin/env node
// `npm test`: build once, run unit + integration (SQLite and PostgreSQL) with Vitest,
// end-to-end with Playwright in Chromium and the Python client's tests (python3 -m unittest,
// against a server they start from the build), then print one summary for all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
const VITEST_JSON = `${RESULTS}/vitest-results.json`;
const E2E_JSON = `${RESULTS}/e2e-results.json`;
const ci = process.env.CI === 'true' || process.env.CI === '1';

function run(title, command, args) {
  process.stdout.write(`\n▶ ${title}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

mkdirSync(RESULTS, { recursive: true });
rmSync(VITEST_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

const build = run('build', 'npm', ['run', 'build', '--silent']);
if (!build.ok) {
  process.stdout.write('\nSextant tests: FAILED — the build failed, nothing was tested.\n');
  process.exit(1);
}
const vitest = run('unit + integration', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_JSON}`,
]);
const e2e = run('end-to-end (Chromium)', 'npx', [
  'playwright',
  'test',
  '-c',
  'e2e/playwright.config.ts',
]);

/**
 * The Python client's tests: unittest prints to stderr, which is captured (and shown once
 * they finish) to read "Ran N tests" and "OK (skipped=1)" / "FAILED (failures=1, errors=2)".
 */
function runPython() {
  const args = ['-m', 'unittest', 'discover', '-s', 'clients/python/tests'];
  process.stdout.write(`\n▶ Python client: python3 ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync('python3', args, {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const output = result.stderr ?? '';
  process.stderr.write(output);
  if (result.error) process.stderr.write(`python3: ${result.error.message}\n`);
  const ran = /^Ran (\d+) tests?/m.exec(output);
  const verdict = /^(OK|FAILED)(?: \((.*)\))?\s*$/m.exec(output);
  if (!ran || !verdict) return { ok: false, seconds, tally: null };
  const counts = Object.fromEntries(
    (verdict[2] ?? '')
      .split(',')
      .map((part) => part.trim().split('='))
      .filter(([name, value]) => name && value)
      .map(([name, value]) => [name, Number(value)]),
  );
  const failed =
    (counts.failures ?? 0) + (counts.errors ?? 0) + (counts['unexpected successes'] ?? 0);
  const skipped = counts.skipped ?? 0;
  const tally = { passed: Number(ran[1]) - failed - skipped, failed, skipped };
  return { ok: result.status === 0, seconds, tally };
}
const python = runPython();

/** Tally per tier from Vitest's JSON: unit by path, integration by database in the suite title. */
function tallyVitest() {
  const tiers = {};
  const add = (tier, status) => {
    tiers[tier] ??= { passed: 0, failed: 0, skipped: 0 };
    const key = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'skipped';
    tiers[tier][key] += 1;
  };
  if (!existsSync(VITEST_JSON)) return null;
  const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
  for (const file of report.testResults) {
    const unit = file.name.includes('/test/unit/');
    for (const test of file.assertionResults) {
      const titles = test.ancestorTitles.join(' ');
      const tier = unit
        ? 'unit'
        : titles.includes('[postgres]')
          ? 'integration · postgres'
          : titles.includes('[sqlite]')
            ? 'integration · sqlite'
            : 'integration · no database';
      add(tier, test.status);
    }
  }
  return tiers;
}

function tallyPlaywright() {
  if (!existsSync(E2E_JSON)) return null;
  const { stats } = JSON.parse(readFileSync(E2E_JSON, 'utf8'));
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}

const tiers = tallyVitest() ?? {};
const e2eTally = tallyPlaywright();
if (e2eTally) tiers['e2e · chromium'] = e2eTally;
if (python.tally) tiers['python client'] = python.tally;

const order = [
  'unit',
  'integration · sqlite',
  'integration · postgres',
  'integration · no database',
  'e2e · chromium',
  'python client',
];
const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
// Any tier not named above is still counted, after the known ones.
for (const tier of [...order, ...Object.keys(tiers).filter((t) => !order.includes(t))]) {
  const t = tiers[tier];
  if (!t) {
    lines.push(`  ${tier.padEnd(26)} no results`);
    continue;
  }
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.push(
    `  ${tier.padEnd(26)} ${String(t.passed).padStart(4)} passed  ${String(t.failed).padStart(3)} failed  ${String(t.skipped).padStart(3)} skipped`,
  );
}
const postgresRan = (tiers['integration · postgres']?.passed ?? 0) > 0;
const problems = [];
if (!vitest.ok) problems.push('vitest failed');
if (!e2e.ok) problems.push('playwright failed');
if (!e2eTally) problems.push('no end-to-end results');
if (!python.ok) problems.push('python client tests failed');
if (!python.tally) problems.push('no Python client results');
if (ci && !postgresRan) problems.push('CI=true but no PostgreSQL test ran');
if (!postgresRan) lines.push('  !! PostgreSQL tests did not run (see the warning above)');

process.stdout.write(`\n══ Sextant test summary ══\n${lines.join('\n')}\n`);
process.stdout.write(
  `  ${'total'.padEnd(26)} ${String(total.passed).padStart(4)} passed  ${String(total.failed).padStart(3)} failed  ${String(total.skipped).padStart(3)} skipped` +
    `   (vitest ${vitest.seconds}s, playwright ${e2e.seconds}s, python ${python.seconds}s)\n`,
);
if (problems.length > 0) {
  process.stdout.write(`RESULT: FAILED (${problems.join('; ')})\n`);
  process.exit(1);
}
process.stdout.write('RESULT: PASSED\n');
