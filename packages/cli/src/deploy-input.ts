import { CreateDeploymentBody } from '@sextant/core';
import { ciMetadataOf, type DetectedCiEnvironment } from './ci-env.js';
import { CliError } from './cli-error.js';
import { parseBodyOrFail } from './parse.js';

export interface DeploymentInput {
  version?: string;
  environment?: string;
  status?: string;
  /** Detected from the CI environment, with `--commit` applied. */
  ci: DetectedCiEnvironment;
  runId?: string;
  startedAt?: string;
  /** Defaults to `now`: the command runs when the deployment has just finished. */
  finishedAt?: string;
  now: Date;
}

/** Which flag a field of the body came from, for the one-line error. */
const SOURCES: Record<string, string> = {
  version: '--version',
  environment: '--environment',
  status: '--status',
  commit: '--commit',
  runId: '--run-id',
  startedAt: '--started-at',
  finishedAt: '--finished-at',
  ci: 'CI metadata',
};

/**
 * The body of `POST /projects/{id}/deployments`, checked with the API's own schema so a
 * mistake is named before anything is sent. The commit comes from `--commit` or the CI
 * environment (it is optional); `ci` is sent only when provider, job id and job URL are all
 * known, and `missingCi` says what was missing otherwise (the deployment is then manual).
 */
export function buildDeploymentBody(input: DeploymentInput): {
  body: CreateDeploymentBody;
  missingCi: string[];
} {
  for (const [flag, value] of [
    ['--version', input.version],
    ['--environment', input.environment],
    ['--status', input.status],
  ] as const) {
    if (!value?.trim()) throw new CliError(`no ${flag.slice(2)}: pass ${flag}`);
  }
  const ci = ciMetadataOf(input.ci);
  const candidate = {
    version: input.version,
    environment: input.environment,
    status: input.status,
    ...(input.ci.commit ? { commit: input.ci.commit } : {}),
    ...(input.runId !== undefined ? { runId: input.runId } : {}),
    ...(input.startedAt !== undefined ? { startedAt: input.startedAt } : {}),
    finishedAt: input.finishedAt ?? input.now.toISOString(),
    ...('missing' in ci ? {} : { ci }),
  };
  const body = parseBodyOrFail(CreateDeploymentBody, candidate, SOURCES);
  return { body, missingCi: 'missing' in ci ? ci.missing : [] };
}
