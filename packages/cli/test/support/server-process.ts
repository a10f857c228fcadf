import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_NOW } from '../../../server/test/support/test-now.js';

export const CLI_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI_MAIN)) {
    throw new Error(`${CLI_MAIN} is missing: run \`npm run build\` before the process-level tests`);
  }
}

/** Every process a test starts lives on the test's day, not the day the suite runs. */
const TEST_CLOCK_ENV = { SEXTANT_NOW: TEST_NOW.toISOString() };

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Runs `sextant <args>` to completion, feeding `stdin`, and returns its exit code and output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      env: { ...process.env, ...TEST_CLOCK_ENV, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Starts `sextant serve` on a free port and resolves once it prints where to open it. */
export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, 'serve'], {
      env: {
        ...process.env,
        ...TEST_CLOCK_ENV,
        PORT: '0',
        HOST: '127.0.0.1',
        SEXTANT_DEMO: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before starting:\n${output}`));
    });
  });
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * The usual start of an API-client test: the database, the first account and a personal
 * token made with the CLI (as an admin would), then `sextant serve` on the same database.
 */
export async function startServerWithToken(
  env: NodeJS.ProcessEnv,
  email: string,
): Promise<{ server: ServerProcess; token: string }> {
  const migrated = await runCli(['migrate'], env);
  if (migrated.code !== 0) throw new Error(`migrate: ${migrated.stderr}`);
  const created = await runCli(
    ['user', 'create', '--email', email, '--password-stdin'],
    env,
    'a password for the API client tests\n',
  );
  if (created.code !== 0) throw new Error(`user create: ${created.stderr}`);
  const token = await runCli(['token', 'create', '--user', email, '--name', 'tests'], env);
  if (token.code !== 0) throw new Error(`token create: ${token.stderr}`);
  return { server: await startServerProcess(env), token: token.stdout.trim() };
}

/** A JSON call to the API as the holder of `token`: its status and parsed body (null if empty). */
export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/** The API of the server at `url`, called with a bearer token (a test's own fetches). */
export function apiClient(url: string, token: string): ApiCall {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
