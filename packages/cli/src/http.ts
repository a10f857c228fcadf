import { STATUS_CODES } from 'node:http';
import { SEXTANT_VERSION } from '@sextant/core/version';
import { CliError } from './cli-error.js';

export interface ApiTarget {
  /** Base URL of the server, e.g. https://sextant.example.com (no /api/v1). */
  url: string;
  token: string;
}

/** `--url`/`--token` win over SEXTANT_URL/SEXTANT_TOKEN; both are required for API commands. */
export function resolveTarget(opts: { url?: string; token?: string }): ApiTarget {
  const url = (opts.url ?? process.env.SEXTANT_URL ?? '').replace(/\/+$/, '');
  const token = opts.token ?? process.env.SEXTANT_TOKEN ?? '';
  if (!url)
    throw new CliError('no server: set SEXTANT_URL (e.g. http://127.0.0.1:4317) or pass --url');
  if (!/^https?:\/\//.test(url))
    throw new CliError(`SEXTANT_URL must start with http:// or https://, got "${url}"`);
  if (!token)
    throw new CliError(
      'no token: set SEXTANT_TOKEN (create one with `sextant token create`) or pass --token',
    );
  return { url, token };
}

/** Turns an API error answer into the one line a log reader needs: status, code and message. */
export async function failureOf(response: Response): Promise<CliError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      return new CliError(
        `${response.status} ${body.error.code ?? ''}: ${body.error.message}`.replace(' :', ':'),
      );
    }
  } catch {
    // Not JSON: a proxy's page, say. Fall through.
  }
  return new CliError(
    `${response.status} ${response.statusText}: ${text.slice(0, 200).replace(/\s+/g, ' ')}`,
  );
}

/** The request got no answer at all (refused, reset, unknown host, timed out). */
export class NetworkError extends CliError {}

/** `1.2.10` > `1.2.9`; a pre-release or build suffix is ignored. Not a version: not newer. */
export function isNewerVersion(theirs: string, ours: string): boolean {
  const parts = (version: string) =>
    /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim())?.slice(1).map(Number);
  const a = parts(theirs);
  const b = parts(ours);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

let warnedNewer = false;

/** One stderr line, once a process, when the server (X-Sextant-Version) is newer than this client. */
export function warnIfServerNewer(response: Response, target: ApiTarget): void {
  const theirs = response.headers.get('x-sextant-version');
  if (warnedNewer || !theirs || !isNewerVersion(theirs, SEXTANT_VERSION)) return;
  warnedNewer = true;
  process.stderr.write(
    `sextant: warning: the server runs Sextant ${theirs}, this client is ${SEXTANT_VERSION}; get the server's: curl -fsSO ${target.url}/cli/sextant.mjs\n`,
  );
}

export async function send(target: ApiTarget, path: string, init: RequestInit): Promise<Response> {
  try {
    const response = await fetch(`${target.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${target.token}`, ...(init.headers ?? {}) },
    });
    warnIfServerNewer(response, target);
    return response;
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? error.cause.message
        : error instanceof Error && error.name === 'TimeoutError'
          ? 'no answer in time'
          : String(error);
    throw new NetworkError(`cannot reach ${target.url}: ${cause}`);
  }
}

/** Answers worth asking again: the server (or a proxy before it) may answer differently soon. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The longest wait between two attempts, whatever Retry-After or the backoff says. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * How long to wait before retry number `retry` (1, 2, …): the server's Retry-After (seconds
 * or an HTTP date) when it sent one, else exponential backoff 0.5 s, 1 s, 2 s, …; at most 30 s.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, now = Date.now()): number {
  const header = retryAfter?.trim();
  if (header) {
    const asked = /^\d+$/.test(header) ? Number(header) * 1_000 : Date.parse(header) - now;
    if (Number.isFinite(asked)) return Math.min(Math.max(asked, 0), MAX_RETRY_DELAY_MS);
  }
  return Math.min(500 * 2 ** (retry - 1), MAX_RETRY_DELAY_MS);
}

export interface RetryOptions {
  /** Retries after the first attempt (0: try once). */
  retries: number;
  /** Each attempt gives up after this long and counts as a network error. */
  timeoutMs?: number;
  /** Told before each wait: which retry comes, after how long, and why. */
  onRetry?: (retry: { retry: number; of: number; delayMs: number; reason: string }) => void;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `send`, again on network errors and on 408, 429, 500, 502, 503 and 504 (never on other
 * answers), with the same request each time: give it an Idempotency-Key so a write the
 * server did make before the answer was lost is replayed, not made twice. Resolves with the
 * first answer that is not worth retrying, ok or not; throws one line when retries run out.
 */
export async function sendWithRetries(
  target: ApiTarget,
  path: string,
  init: RequestInit,
  options: RetryOptions,
): Promise<Response> {
  const sleep = options.sleep ?? pause;
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: NetworkError | undefined;
    try {
      response = await send(target, path, {
        ...init,
        ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      failure = error;
    }
    if (response && !RETRYABLE_STATUSES.has(response.status)) return response;
    const tried = `after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
    if (attempt >= attempts) {
      if (response) {
        const last = await failureOf(response);
        throw new CliError(`${last.message} (${tried})`);
      }
      throw new NetworkError(`${failure?.message ?? 'no answer'} (${tried})`);
    }
    const delayMs = retryDelayMs(attempt, response?.headers.get('retry-after') ?? null);
    const reason = response
      ? `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trim()
      : (failure?.message ?? 'no answer');
    await response?.body?.cancel();
    options.onRetry?.({ retry: attempt, of: options.retries, delayMs, reason });
    await sleep(delayMs);
  }
}
