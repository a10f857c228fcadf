import { CliError } from './context.js';

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

export async function send(target: ApiTarget, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${target.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${target.token}`, ...(init.headers ?? {}) },
    });
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CliError(`cannot reach ${target.url}: ${cause}`);
  }
}
