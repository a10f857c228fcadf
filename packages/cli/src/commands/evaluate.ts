import type { Command } from 'commander';
import {
  TopNEvaluator,
  assertTimeZone,
  eventDaysByEntity,
  simulateLongestUnchecked,
  simulateRandom,
  type EvaluationResult,
  type TopNOptions,
  type RandomBaselineResult,
} from '@sextant/core/evaluation';
import type { Run } from '@sextant/core';
import { detectCiEnvironment, withOverrides } from '../ci-env.js';
import { parseRetries, postFromCi, projectOf } from '../ci-post.js';
import { CliError } from '../cli-error.js';
import {
  parseColumns,
  parseHorizonDays,
  parseValueModel,
  readEntityTimes,
} from '../evaluate-input.js';
import { scanPredictionsInParts, threadsFor } from '../evaluate-parts.js';
import { formatEvaluation } from '../evaluate-output.js';
import { resolveTarget } from '../http.js';

const BASELINES = ['longest-unchecked', 'random'] as const;
type BaselineName = (typeof BASELINES)[number];

interface EvaluateOptions {
  top: string;
  period: string;
  tz: string;
  horizon: string;
  events?: string;
  checks?: string;
  baseline?: string;
  seed: string;
  seeds: string;
  costMissed?: string;
  costIntervention?: string;
  currency?: string;
  columns?: string;
  json?: boolean;
  progress?: boolean;
  threads: string;
  report?: string;
  project?: string;
  commit?: string;
  branch?: string;
  datasetVersion?: string;
  url?: string;
  token?: string;
  retries: number;
}

const wholeNumber = (flag: string, text: string, min: number): number => {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new CliError(`${flag} must be a whole number ≥ ${min}, got "${text}"`);
  }
  return value;
};

/** Progress on stderr: a line every 10 % of the file or every second, whichever comes first. */
function progressReporter(file: string): (read: number, total: number, rows: number) => void {
  let lastTenth = 0;
  let lastTime = Date.now();
  return (read, total, rows) => {
    const tenth = total === 0 ? 10 : Math.floor((read / total) * 10);
    const now = Date.now();
    if (tenth > lastTenth || now - lastTime >= 1000) {
      lastTenth = tenth;
      lastTime = now;
      const percent = total === 0 ? 100 : Math.floor((read / total) * 100);
      process.stderr.write(
        `sextant: ${file}: ${percent} % read, ${rows.toLocaleString('en-US')} rows\n`,
      );
    }
  };
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(
      'Hit rate@N of a predictions CSV (columns period,entity,score,label; rows in any order): per period the N highest scores are the interventions and the events among them are caught. Optionally beside the bar of today’s strategy, in money, and reported as a CI run',
    )
    .argument('<predictions>', 'the predictions CSV')
    .requiredOption('--top <n>', 'N, the interventions the team can make per period')
    .option('--period <kind>', 'day or week (ISO weeks)', 'day')
    .option('--tz <zone>', 'IANA time zone turning instants into days', 'UTC')
    .option(
      '--horizon <duration>',
      'an event counts for a period when within this after it (1d, 7d, 2w)',
      '1d',
    )
    .option(
      '--events <file>',
      'events CSV (entity,time): the label is computed from it instead of read',
    )
    .option('--checks <file>', 'past checks or maintenance CSV (entity,time), for the baseline')
    .option(
      '--baseline <strategy>',
      `today’s strategy to simulate: ${BASELINES.join(' or ')} (needs --events)`,
    )
    .option('--seed <n>', 'first seed of the random baseline', '1')
    .option('--seeds <n>', 'number of seeds of the random baseline', '100')
    .option('--cost-missed <amount>', 'what a missed event costs')
    .option('--cost-intervention <amount>', 'what one intervention costs')
    .option('--currency <code>', 'ISO 4217 code of the amounts, e.g. EUR')
    .option(
      '--columns <mapping>',
      "the file's column names, e.g. period=date,entity=machineID,score=s,label=y",
    )
    .option('--json', 'print the result as JSON (with "baseline" when asked)')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option(
      '--threads <n>',
      'threads reading the file at once, 1 to 16 (auto: up to 4 on files over 16 MiB)',
      'auto',
    )
    .option('--report <what>', '"run": post the result as a CI run of --project')
    .option('--project <id>', 'the project of the reported run (default $SEXTANT_PROJECT)')
    .option('--commit <sha>', 'the commit evaluated (default: from the CI environment)')
    .option('--branch <name>', 'its branch (default: from the CI environment)')
    .option('--dataset-version <version>', 'the version of the data evaluated')
    .option('--url <url>', 'server URL (default $SEXTANT_URL)')
    .option('--token <token>', 'API token (default $SEXTANT_TOKEN)')
    .option(
      '--retries <n>',
      'retries on network errors, 408, 429 and 5xx (0 to 10)',
      parseRetries,
      3,
    )
    .action(async (file: string, opts: EvaluateOptions) => {
      // A reported run says when its evaluation ran, as `sextant deploy report` does.
      const startedAt = new Date();
      const n = wholeNumber('--top', opts.top, 1);
      if (opts.period !== 'day' && opts.period !== 'week') {
        throw new CliError(`--period must be day or week, got "${opts.period}"`);
      }
      const periodKind = opts.period;
      try {
        assertTimeZone(opts.tz);
      } catch {
        throw new CliError(
          `--tz "${opts.tz}" is not a known IANA time zone (e.g. Europe/Copenhagen)`,
        );
      }
      const horizonDays = parseHorizonDays(opts.horizon);
      const value = parseValueModel(opts);
      const columns = parseColumns(opts.columns);
      const baselineName = opts.baseline as BaselineName | undefined;
      if (baselineName !== undefined && !BASELINES.includes(baselineName)) {
        throw new CliError(`--baseline must be ${BASELINES.join(' or ')}, got "${opts.baseline}"`);
      }
      if (baselineName && !opts.events)
        throw new CliError('--baseline needs --events (the events it would catch)');
      if (baselineName && periodKind !== 'day')
        throw new CliError('--baseline is simulated per day: use --period day');
      if (opts.report !== undefined && opts.report !== 'run') {
        throw new CliError(`--report must be "run", got "${opts.report}"`);
      }
      const seed = wholeNumber('--seed', opts.seed, 0);
      const seeds = wholeNumber('--seeds', opts.seeds, 1);
      const threads = opts.threads === 'auto' ? 'auto' : wholeNumber('--threads', opts.threads, 1);
      if (threads !== 'auto' && threads > 16) {
        throw new CliError(`--threads must be a whole number from 1 to 16, got "${opts.threads}"`);
      }

      const events = opts.events
        ? await readEntityTimes(opts.events, columns.entity, opts.tz)
        : undefined;
      const checks = opts.checks
        ? await readEntityTimes(opts.checks, columns.entity, opts.tz)
        : undefined;

      const evaluatorOptions: TopNOptions = {
        n,
        periodKind,
        timeZone: opts.tz,
        ...(value ? { value } : {}),
      };
      const evaluator = new TopNEvaluator(evaluatorOptions);
      const showProgress = opts.progress === true || process.stderr.isTTY === true;
      const scan = await scanPredictionsInParts(file, evaluator, evaluatorOptions, {
        threads: threadsFor(file, threads),
        columns,
        timeZone: opts.tz,
        ...(events ? { labels: { events: eventDaysByEntity(events, opts.tz), horizonDays } } : {}),
        ...(showProgress ? { onProgress: progressReporter(file) } : {}),
      });
      const result = evaluator.result();

      let baseline: EvaluationResult | RandomBaselineResult | undefined;
      if (baselineName && events) {
        const input = {
          entities: scan.entities,
          checks: checks ?? [],
          events,
          periods: scan.days,
          n,
          horizonDays,
          timeZone: opts.tz,
          ...(value ? { value } : {}),
        };
        baseline =
          baselineName === 'random'
            ? simulateRandom({ ...input, seed, seeds })
            : simulateLongestUnchecked(input);
      }

      if (opts.json) {
        const document = baseline
          ? { ...result, baseline: { strategy: baselineName, ...baseline } }
          : result;
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      } else {
        process.stdout.write(
          formatEvaluation(
            result,
            baseline && baselineName ? { name: baselineName, result: baseline } : undefined,
          ),
        );
      }

      if (opts.report === 'run') {
        const metrics: Record<string, number> = {
          [`hit_rate_at_${n}`]: result.hitRate,
          events_caught: result.eventsCaught,
          interventions: result.interventions,
          ...(result.money ? { money_net: result.money.net } : {}),
          ...(baseline ? { [`baseline_hit_rate_at_${n}`]: baseline.hitRate } : {}),
        };
        const params = {
          top: n,
          period: periodKind,
          time_zone: opts.tz,
          horizon: opts.horizon,
          ...(baselineName ? { baseline: baselineName } : {}),
        };
        const project = projectOf(opts);
        const ci = withOverrides(detectCiEnvironment(process.env), opts);
        // Loaded only to report: run-input needs core's schemas (Zod).
        const { buildRunBody } = await import('../run-input.js');
        const { body } = buildRunBody({
          file: { metrics, params },
          metricFlags: [],
          paramFlags: [],
          ci,
          datasetVersion: opts.datasetVersion,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
        });
        const target = resolveTarget(opts);
        const run = await postFromCi<Run>(
          target,
          `/projects/${encodeURIComponent(project)}/runs`,
          body,
          opts.retries,
        );
        process.stderr.write(`sextant: run reported: ${target.url}${run.url}\n`);
      }
    });
}
