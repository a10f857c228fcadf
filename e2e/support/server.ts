import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CLOCK_ENV } from './clock.js';
import { CLI, REPO_ROOT } from './paths.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** Everything the server printed so far (the demo password is in here). */
  output(): string;
  stop(): Promise<void>;
}

const READY = /Sextant is running: open (http:\/\/\S+)/;

function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SEXTANT_DATA_DIR: dataDir,
    // Never reach a database configured in the caller's shell.
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    // The suite's day, not the calendar's: see support/clock.ts.
    ...TEST_CLOCK_ENV,
    // Webhooks go to receivers the specs start on 127.0.0.1 (notifications.spec.ts).
    SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1',
    ...extra,
  };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/api/v1/health did not answer 200 in time`);
}

/**
 * Starts the built server (`sextant serve`) on a port the OS picks, with a fresh
 * temporary SQLite data folder, and waits until /api/v1/health answers.
 */
export async function startServer(options: { demo?: boolean } = {}): Promise<RunningServer> {
  if (!existsSync(join(REPO_ROOT, 'packages/web/dist/index.html'))) {
    throw new Error('The web UI is not built: run `npm run build` before the e2e tests.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sextant-e2e-'));
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: cliEnv(dataDir, {
      PORT: '0',
      HOST: '127.0.0.1',
      SEXTANT_DEMO: options.demo ? '1' : '0',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 2_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 30_000;
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`sextant serve was not ready in time:\n${out}`)),
        30_000,
      );
      const onExit = (code: number | null) =>
        finish(new Error(`sextant serve exited with ${code} before it was ready:\n${out}`));
      const check = () => {
        const match = READY.exec(out);
        if (match?.[1]) finish(null, match[1]);
      };
      function finish(error: Error | null, found?: string) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout?.off('data', check);
        if (error || !found) reject(error ?? new Error('no address'));
        else resolve(found);
      }
      child.stdout?.on('data', check);
      child.once('exit', onExit);
      check();
    });
    await waitForHealth(url, deadline);
    return { url, dataDir, output: () => out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a CLI command against a data folder; resolves with its stdout, rejects on failure. */
export function runCli(dataDir: string, args: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: cliEnv(dataDir),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`sextant ${args.join(' ')} exited with ${code}: ${stderr || stdout}`));
    });
    child.stdin.end(stdin ?? '');
  });
}
