import { randomUUID } from 'node:crypto';
import { CliError } from './cli-error.js';
import { failureOf, sendWithRetries, type ApiTarget } from './http.js';

/** How long one attempt may wait for an answer before it counts as a network error. */
export const ATTEMPT_TIMEOUT_MS = 30_000;

/** `--retries`: a whole number from 0 to 10. */
export function parseRetries(text: string): number {
  const retries = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(retries) || retries > 10) {
    throw new CliError(`--retries must be a whole number from 0 to 10, got "${text}"`);
  }
  return retries;
}

/** `--project` wins over SEXTANT_PROJECT; one of them is required. */
export function projectOf(opts: { project?: string }): string {
  const project = opts.project?.trim() || process.env.SEXTANT_PROJECT?.trim();
  if (!project) {
    throw new CliError('no project: pass --project <id> or set SEXTANT_PROJECT');
  }
  return project;
}

/** Why the server recorded a report as manual rather than CI, for the note on stderr. */
export function manualReason(missingCi: readonly string[], project: string): string {
  return missingCi.length > 0
    ? `no CI metadata (missing ${missingCi.join(', ')})`
    : `the token is not a CI token of project ${project}`;
}

/**
 * POSTs a JSON body from a CI job, retrying network errors and 408/429/5xx with one
 * Idempotency-Key for every attempt (a write the server stored before its answer was lost
 * is replayed by the retry, not stored twice), and notes each retry on stderr. Resolves
 * with the parsed 2xx answer; throws the one-line reason otherwise.
 */
export async function postFromCi<T>(
  target: ApiTarget,
  path: string,
  body: unknown,
  retries: number,
): Promise<T> {
  const idempotencyKey = randomUUID();
  const response = await sendWithRetries(
    target,
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    },
    {
      retries,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      onRetry: ({ retry, of, delayMs, reason }) =>
        process.stderr.write(
          `sextant: ${reason}; retry ${retry} of ${of} in ${(delayMs / 1000).toFixed(1)} s\n`,
        ),
    },
  );
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}
