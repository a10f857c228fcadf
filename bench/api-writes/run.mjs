#!/usr/bin/env node
// Durable API writes: project creations per second against a real `sextant serve`
// process (SQLite with synchronous=FULL, or PostgreSQL with DATABASE_URL), from C
// concurrent clients for D seconds, with latency percentiles. Prints figures; asserts nothing.
//   node bench/api-writes/run.mjs [--clients 8] [--seconds 5]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 8);
const SECONDS = arg('seconds', 5);
const CLI = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sextant-bench-'));
const env = {
  ...process.env,
  SEXTANT_DATA_DIR: dataDir,
  SEXTANT_DEMO: '0',
  PORT: '0',
  LOG_LEVEL: 'error',
};
const PASSWORD = 'benchmark passphrase';

// The admin commands use an existing database only: create it first.
const migrated = spawnSync(process.execPath, [CLI, 'migrate'], { env });
if (migrated.status !== 0) throw new Error(migrated.stderr.toString());
const made = spawnSync(
  process.execPath,
  [CLI, 'user', 'create', '--email', 'bench@example.test', '--password-stdin'],
  {
    env,
    input: `${PASSWORD}\n`,
  },
);
if (made.status !== 0) throw new Error(made.stderr.toString());
const token = spawnSync(
  process.execPath,
  [CLI, 'token', 'create', '--user', 'bench@example.test', '--name', 'bench'],
  {
    env,
  },
)
  .stdout.toString()
  .trim();

const server = spawn(process.execPath, [CLI, 'serve'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (c) => {
    out += c;
    const m = /open (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const team = await (
  await fetch(`${url}/api/v1/teams`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Bench' }),
  })
).json();
const health = await (await fetch(`${url}/api/v1/health`)).json();

const latencies = [];
const stopAt = Date.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, n) => {
    for (let i = 0; Date.now() < stopAt; i += 1) {
      const t0 = performance.now();
      const reply = await fetch(`${url}/api/v1/projects`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ teamId: team.id, name: `c${n}-${i}`, scope: { why: 'benchmark' } }),
      });
      await reply.arrayBuffer();
      if (reply.status !== 201) throw new Error(`status ${reply.status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const pct = (p) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
const db = health.database;
console.log(
  `api-writes: ${db.kind}${db.synchronous ? ` synchronous=${db.synchronous}` : ''}, ${CLIENTS} clients, ${SECONDS}s, ` +
    `${cpus().length}× ${cpus()[0]?.model.trim()}, node ${process.version}`,
);
console.log(
  `  POST /projects: ${(latencies.length / SECONDS).toFixed(0)} created/s (each its own durable transaction), ` +
    `latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`,
);
