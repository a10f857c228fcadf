// What every benchmark does before it measures: read its numeric flags, make a data folder,
// a person and a personal token with the CLI, start a server process and wait for the
// address it prints, then set up through the API.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const PASSWORD = 'benchmark passphrase';

/** `--name N` from the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * A new temp data folder (`sextant-bench-<name>-…`) and the environment of a server on it:
 * SQLite there, or PostgreSQL at `databaseUrl`; no demo data, a free port, errors-only logs.
 */
export function benchDataDir(name, databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), `sextant-bench-${name}-`));
  const env = {
    ...process.env,
    SEXTANT_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    SEXTANT_DEMO: '0',
    PORT: '0',
    LOG_LEVEL: 'error',
  };
  return { dataDir, env };
}

/** A person and a personal API token in the database `env` points at; returns the token. */
export function createBenchToken(env) {
  // The admin commands use an existing database only: create it first.
  const migrated = spawnSync(process.execPath, [CLI, 'migrate'], { env });
  if (migrated.status !== 0) throw new Error(migrated.stderr.toString());
  const made = spawnSync(
    process.execPath,
    [CLI, 'user', 'create', '--email', 'bench@example.test', '--password-stdin'],
    { env, input: `${PASSWORD}\n` },
  );
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return spawnSync(
    process.execPath,
    [CLI, 'token', 'create', '--user', 'bench@example.test', '--name', 'bench'],
    { env },
  )
    .stdout.toString()
    .trim();
}

/**
 * Starts `node <args>` (default `sextant serve`) and resolves once it prints "open <url>".
 * With BENCH_CPU_PROF=<folder> the server writes a V8 CPU profile there when it stops.
 */
export function startServer(env, args = [CLI, 'serve']) {
  const profile = process.env.BENCH_CPU_PROF;
  const node = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const server = spawn(process.execPath, [...node, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolve({ server, url: m[1] });
    });
  });
}

/** Stops a server started by `startServer` and waits for it to exit. */
export async function stopServer(server) {
  server.removeAllListeners('exit');
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** `post(path, body)`: a JSON POST to the API at `url` with `token` that must answer 201. */
export function apiPoster(url, token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return async (path, body) => {
    const reply = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
    return reply.json();
  };
}
