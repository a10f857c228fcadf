import type { Command } from 'commander';
import type { Deployment } from '@sextant/core';
import { detectCiEnvironment, withOverrides } from '../ci-env.js';
import { manualReason, parseRetries, postFromCi, projectOf } from '../ci-post.js';
import { resolveTarget } from '../http.js';

interface DeployReportOptions {
  project?: string;
  version?: string;
  environment?: string;
  status?: string;
  commit?: string;
  runId?: string;
  startedAt?: string;
  finishedAt?: string;
  url?: string;
  token?: string;
  json?: boolean;
  retries: number;
}

export function registerDeploy(program: Command): void {
  const deployCommand = program.command('deploy').description('Deployments: report them from CD');

  deployCommand
    .command('report')
    .description(
      "Post a deployment to a project and print its URL. Commit and job are read from GitHub Actions or GitLab CI (elsewhere from SEXTANT_COMMIT, SEXTANT_CI_PROVIDER, SEXTANT_JOB_ID, SEXTANT_JOB_URL); needs SEXTANT_URL and SEXTANT_TOKEN (the project's CI token, or the deployment is recorded as manual)",
    )
    .option('--project <id>', 'the project deployed (default $SEXTANT_PROJECT)')
    .option('--version <version>', 'the version deployed, e.g. 1.4.0 (required)')
    .option(
      '--environment <name>',
      'production, staging or any other short lowercase name (required)',
    )
    .option('--status <status>', 'succeeded, failed or rolled_back (required)')
    .option('--commit <sha>', 'the commit deployed (default: from the CI environment)')
    .option('--run-id <id>', 'the Sextant run of this version (a run of the same project)')
    .option('--started-at <iso>', 'when the deployment started (ISO-8601)')
    .option('--finished-at <iso>', 'when it finished (ISO-8601; default: now)')
    .option('--url <url>', 'server URL (default $SEXTANT_URL)')
    .option('--token <token>', 'API token (default $SEXTANT_TOKEN)')
    .option('--json', 'print the recorded deployment as JSON instead of its URL')
    .option(
      '--retries <n>',
      'retries on network errors, 408, 429 and 5xx (0 to 10)',
      parseRetries,
      3,
    )
    .action(async (opts: DeployReportOptions) => {
      // Loaded here, not at start-up: core's main entry loads every schema (Zod).
      const { buildDeploymentBody } = await import('../deploy-input.js');
      const project = projectOf(opts);
      const ci = withOverrides(detectCiEnvironment(process.env), opts);
      const { body, missingCi } = buildDeploymentBody({
        version: opts.version,
        environment: opts.environment,
        status: opts.status,
        ci,
        runId: opts.runId,
        startedAt: opts.startedAt,
        finishedAt: opts.finishedAt,
        now: new Date(),
      });
      const target = resolveTarget(opts);
      const deployment = await postFromCi<Deployment>(
        target,
        `/projects/${encodeURIComponent(project)}/deployments`,
        body,
        opts.retries,
      );

      if (opts.json) process.stdout.write(`${JSON.stringify(deployment, null, 2)}\n`);
      else process.stdout.write(`${target.url}${deployment.url}\n`);

      if (deployment.provenance === 'manual') {
        const why = manualReason(missingCi, project);
        process.stderr.write(`sextant: note: recorded as a manual deployment because ${why}\n`);
      } else {
        process.stderr.write(
          `sextant: recorded ${deployment.environment} deployment ${deployment.version} (${deployment.status}) as ${deployment.id}\n`,
        );
      }
    });
}
