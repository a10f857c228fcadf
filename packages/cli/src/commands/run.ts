import type { Command } from 'commander';
import type { Run } from '@sextant/core';
import { detectCiEnvironment, withOverrides } from '../ci-env.js';
import { manualReason, parseRetries, postFromCi, projectOf } from '../ci-post.js';
import { resolveTarget } from '../http.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface RunReportOptions {
  project?: string;
  metric?: string[];
  metricsFile?: string;
  param?: string[];
  commit?: string;
  branch?: string;
  datasetVersion?: string;
  evaluationFingerprint?: string;
  url?: string;
  token?: string;
  json?: boolean;
  retries: number;
}

export function registerRun(program: Command): void {
  const runCommand = program.command('run').description('Model runs: report them from CI');

  runCommand
    .command('report')
    .description(
      "Post a run's metrics to a project and print the run's URL. Commit, branch and job are read from GitHub Actions or GitLab CI (elsewhere from SEXTANT_COMMIT, SEXTANT_BRANCH, SEXTANT_CI_PROVIDER, SEXTANT_JOB_ID, SEXTANT_JOB_URL); needs SEXTANT_URL and SEXTANT_TOKEN (the project's CI token, or the run is recorded as manual)",
    )
    .option('--project <id>', 'the project the run belongs to (default $SEXTANT_PROJECT)')
    .option(
      '--metric <name=value>',
      'a metric and its value, e.g. hit_rate_at_10=0.42 (repeatable)',
      collect,
    )
    .option('--metrics-file <path>', 'JSON object of metric name → number, or {"metrics": {…}}')
    .option('--param <name=value>', 'a parameter of the run, e.g. lr=0.01 (repeatable)', collect)
    .option('--commit <sha>', 'the commit evaluated (default: from the CI environment)')
    .option('--branch <name>', 'its branch (default: from the CI environment)')
    .option('--dataset-version <version>', 'the version of the data the run was evaluated on')
    .option(
      '--evaluation-fingerprint <hex>',
      "the 16-hex fingerprint of the evaluation strategy (default: the success criterion's)",
    )
    .option('--url <url>', 'server URL (default $SEXTANT_URL)')
    .option('--token <token>', 'API token (default $SEXTANT_TOKEN)')
    .option('--json', 'print the recorded run as JSON instead of its URL')
    .option(
      '--retries <n>',
      'retries on network errors, 408, 429 and 5xx (0 to 10)',
      parseRetries,
      3,
    )
    .action(async (opts: RunReportOptions) => {
      // Loaded here, not at start-up: run-input needs core's schemas (Zod).
      const { buildRunBody, readMetricsFile } = await import('../run-input.js');
      const project = projectOf(opts);
      const ci = withOverrides(detectCiEnvironment(process.env), opts);
      const { body, missingCi } = buildRunBody({
        file: opts.metricsFile ? readMetricsFile(opts.metricsFile) : undefined,
        metricFlags: opts.metric ?? [],
        paramFlags: opts.param ?? [],
        ci,
        datasetVersion: opts.datasetVersion,
        evaluationFingerprint: opts.evaluationFingerprint,
      });
      const target = resolveTarget(opts);

      const run = await postFromCi<Run>(
        target,
        `/projects/${encodeURIComponent(project)}/runs`,
        body,
        opts.retries,
      );

      if (opts.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
      else process.stdout.write(`${target.url}${run.url}\n`);

      if (run.provenance === 'manual') {
        const why = manualReason(missingCi, project);
        process.stderr.write(
          `sextant: note: recorded as a manual run because ${why}; manual runs never set baselines or count on the charts\n`,
        );
      } else {
        process.stderr.write(`sextant: ${run.comparison.message}\n`);
      }
    });
}
