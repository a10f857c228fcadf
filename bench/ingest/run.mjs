#!/usr/bin/env node
// Ingest: metric points through the runs API against a real server process, each figure
// beside the limit it is judged by, all measured in the same run on the same machine:
//   (a) the parse-only ceiling: the batch body parsed and validated by the same server
//       (same JSON parser, body limit, auth, access rule and Zod schema), answered 201
//       without touching the database (a bench-only route, see server.mjs);
//   (b) batch ingest: the same bodies to POST /projects/{id}/runs/batch;  goal b/a ≥ 0.5;
//   (c) the raw database limit: better-sqlite3 on a file with the server's pragmas (WAL,
//       synchronous=FULL), one run-shaped row per durable commit;
//   (d) single-run posts from many concurrent clients to POST /projects/{id}/runs, each with
//       an Idempotency-Key as `sextant run report` sends; goal d/c ≥ 1.0 (group commit);
// and, to read (d) by: the same runs as one-run batches (one transaction per post, no
// grouping) and to the parse-only route (no database at all).
// The project has no success criterion, so the rules that follow CI runs stop early.
// Phases that are compared run in alternating slices (a, b, a, b, …; c, d, c, d, …) so a
// neighbour's load on a shared machine weighs on both sides of a ratio alike.
// SQLite lives in a temp folder; --postgres adds the same phases on a throw-away database
// created on TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test) and
// dropped afterwards. Prints figures; asserts nothing.
//   node bench/ingest/run.mjs [--seconds 10] [--rounds 5] [--clients 64] [--batch-clients 2] [--postgres]
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { applySqlitePragmas } from '@sextant/db';
import {
  apiPoster,
  arg,
  benchDataDir,
  createBenchToken,
  startServer,
  stopServer,
} from '../lib/bench-server.mjs';
import { withThrowawayPostgres } from '../lib/postgres.mjs';

/** Seconds per phase, in `ROUNDS` slices alternating with the phase it is compared with. */
const SECONDS = arg('seconds', 10);
const ROUNDS = arg('rounds', 5);
const WARMUP_SECONDS = 1;
const CLIENTS = arg('clients', 64);
const BATCH_CLIENTS = arg('batch-clients', 2);
const BATCH_RUNS = arg('batch', 1_000);
const METRICS = arg('metrics', 20);
const POSTGRES = process.argv.includes('--postgres');

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));

/** A run as a training pipeline reports it: METRICS metrics, two params, commit and CI job. */
function runBody(i) {
  const metrics = {};
  for (let k = 0; k < METRICS; k += 1) metrics[`metric_${k}`] = ((i * 31 + k * 7) % 1000) / 1000;
  return {
    metrics,
    params: { learning_rate: 0.01, max_depth: 6 },
    commit: `c${i.toString(16).padStart(7, '0')}`,
    branch: 'main',
    ci: {
      provider: 'github-actions',
      jobId: String(i),
      jobUrl: `https://ci.example.test/jobs/${i}`,
    },
  };
}
const BATCH_BODY = JSON.stringify({
  runs: Array.from({ length: BATCH_RUNS }, (_, i) => runBody(i)),
});
const POINTS_PER_BATCH = BATCH_RUNS * METRICS;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1_024 });

/** POST over a kept-alive connection; resolves with the status once the answer is read. */
function post(url, path, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A phase measured in slices: completions, seconds and latencies add up. */
function tally() {
  const t = { count: 0, seconds: 0, latencies: [] };
  t.perSecond = () => t.count / t.seconds;
  t.pct = (p) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  };
  return t;
}

/** `clients` loops calling `once` for `seconds`, counted into `into` (if given). */
async function slice(into, clients, seconds, once) {
  const start = performance.now();
  const stopAt = start + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        await once(client, n++);
        into?.latencies.push(performance.now() - t0);
      }
    }),
  );
  if (into) {
    into.count += n;
    into.seconds += (performance.now() - start) / 1000;
  }
}

function expect201(status, what) {
  if (status !== 201) throw new Error(`${what}: status ${status}`);
}

const RAW_TABLE =
  'create table raw_runs (id text primary key, project_id text not null, metrics text not null, created_at text not null)';

/** (c) on SQLite: one run-shaped row per transaction, with the server's pragmas. */
function rawSqlite(file) {
  const db = new Database(file);
  applySqlitePragmas(db);
  db.exec(RAW_TABLE);
  const insert = db.prepare('insert into raw_runs values (?, ?, ?, ?)');
  const one = db.transaction((i) =>
    insert.run(randomUUID(), 'p', JSON.stringify(runBody(i).metrics), new Date().toISOString()),
  );
  let n = 0;
  return {
    slice: async (into, seconds) => {
      const start = performance.now();
      while (performance.now() - start < seconds * 1000) {
        one(n++);
        into.count += 1;
      }
      into.seconds += (performance.now() - start) / 1000;
    },
    close: async () => db.close(),
  };
}

/** (c) on PostgreSQL: the same over one connection (each commit waits for its WAL flush). */
async function rawPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(RAW_TABLE);
  let n = 0;
  return {
    slice: async (into, seconds) => {
      const start = performance.now();
      while (performance.now() - start < seconds * 1000) {
        await client.query('begin');
        await client.query('insert into raw_runs values ($1, $2, $3, $4)', [
          randomUUID(),
          'p',
          JSON.stringify(runBody(n++).metrics),
          new Date().toISOString(),
        ]);
        await client.query('commit');
        into.count += 1;
      }
      into.seconds += (performance.now() - start) / 1000;
    },
    close: async () => {
      await client.query('drop table if exists raw_runs').catch(() => undefined);
      await client.end();
    },
  };
}

async function measure(kind, databaseUrl) {
  const { dataDir, env } = benchDataDir('ingest', databaseUrl);
  let server;
  let raw;
  try {
    const personal = createBenchToken(env);

    raw = kind === 'sqlite' ? rawSqlite(join(dataDir, 'raw.db')) : await rawPostgres(databaseUrl);

    const started = await startServer(env, [SERVER]);
    server = started.server;
    const { url } = started;
    const json = apiPoster(url, personal);
    const team = await json('/teams', { name: 'Bench' });
    const project = await json('/projects', {
      teamId: team.id,
      name: 'Ingest',
      scope: { why: 'benchmark' },
    });
    const ci = await json(`/projects/${project.id}/ci-tokens`, { name: 'ci' });
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    const asCi = { authorization: `Bearer ${ci.token}` };
    const runs = `/api/v1/projects/${project.id}/runs`;

    const postTo = (path, bodies, key) => async (client) =>
      expect201(
        await post(
          url,
          path,
          key ? { ...asCi, 'idempotency-key': randomUUID() } : asCi,
          bodies[client],
        ),
        path,
      );
    const batchBodies = [BATCH_BODY, BATCH_BODY];
    const parseOnce = postTo(`${runs}/parse-only`, batchBodies, false);
    const batchOnce = postTo(`${runs}/batch`, batchBodies, false);
    const singles = Array.from({ length: CLIENTS }, (_, c) => runBody(c));
    const singleOnce = postTo(
      runs,
      singles.map((r) => JSON.stringify(r)),
      true,
    );
    const oneRunBatches = singles.map((r) => JSON.stringify({ runs: [r] }));
    const aloneOnce = postTo(`${runs}/batch`, oneRunBatches, true);
    const parseOneOnce = postTo(`${runs}/parse-only`, oneRunBatches, true);

    const t = {
      parse: tally(),
      batch: tally(),
      raw: tally(),
      single: tally(),
      alone: tally(),
      parseOne: tally(),
    };
    const each = SECONDS / ROUNDS;
    for (const once of [parseOnce, batchOnce])
      await slice(null, BATCH_CLIENTS, WARMUP_SECONDS, once);
    for (let round = 0; round < ROUNDS; round += 1) {
      await slice(t.parse, BATCH_CLIENTS, each, parseOnce);
      await slice(t.batch, BATCH_CLIENTS, each, batchOnce);
    }
    for (const once of [singleOnce, aloneOnce, parseOneOnce]) {
      await slice(null, CLIENTS, WARMUP_SECONDS, once);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      await raw.slice(t.raw, each);
      await slice(t.single, CLIENTS, each, singleOnce);
      await slice(t.alone, CLIENTS, each, aloneOnce);
      await slice(t.parseOne, CLIENTS, each, parseOneOnce);
    }
    return { health, ...t };
  } finally {
    await raw?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const n0 = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => `${x.toFixed(1)} ms`;

function report(kind, { health, parse, batch, raw, single, alone, parseOne }) {
  const db = health.database;
  const points = (t) => `${n0(t.perSecond() * POINTS_PER_BATCH)} points/s`;
  const batches = (t) => `${t.perSecond().toFixed(1)} batches/s, p50 ${ms(t.pct(50))}`;
  const latency = (t) => `p50 ${ms(t.pct(50))}, p99 ${ms(t.pct(99))}`;
  const rows = [
    [
      `(a) parse-only ceiling: POST …/runs/parse-only, ${BATCH_CLIENTS} clients, ${n0(BATCH_RUNS)} runs × ${METRICS} metrics a batch`,
      points(parse),
      batches(parse),
    ],
    [`(b) batch ingest: POST …/runs/batch, the same bodies`, points(batch), batches(batch)],
    [
      kind === 'sqlite'
        ? '(c) raw: better-sqlite3, same pragmas, one run-shaped row per durable commit'
        : '(c) raw: pg, one connection, one run-shaped row per commit',
      `${n0(raw.perSecond())} rows/s`,
      '',
    ],
    [
      `(d) single-run posts: POST …/runs, ${CLIENTS} clients, an Idempotency-Key each`,
      `${n0(single.perSecond())} runs/s`,
      latency(single),
    ],
    [
      '    the same as one-run batches: one transaction per post',
      `${n0(alone.perSecond())} runs/s`,
      latency(alone),
    ],
    [
      '    the same to the parse-only route: no database',
      `${n0(parseOne.perSecond())} runs/s`,
      latency(parseOne),
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const rateWidth = Math.max(...rows.map((r) => r[1].length));
  console.log(
    `ingest [${db.kind}${db.journalMode ? ` ${db.journalMode}` : ''}${db.synchronous ? ` synchronous=${db.synchronous}` : ''}]`,
  );
  for (const [what, rate, detail] of rows) {
    console.log(`  ${what.padEnd(width)}  ${rate.padStart(rateWidth)}  ${detail}`.trimEnd());
  }
  const ratio = (x, y) => (x.perSecond() / y.perSecond()).toFixed(2);
  console.log(
    `  ratio b/a, batch ingest / parse-only ceiling:       ${ratio(batch, parse)}  (goal ≥ 0.5)`,
  );
  console.log(
    `  ratio d/c, single-run posts / raw durable commits:  ${ratio(single, raw)}  (goal ≥ 1.0)`,
  );
  console.log(
    `  group commit: single-run posts / one transaction per post: ${ratio(single, alone)}×`,
  );
}

const memory = new Database(':memory:');
const sqliteVersion = memory.prepare('select sqlite_version() as v').get().v;
memory.close();
console.log(
  `bench/ingest: ${SECONDS} s per phase in ${ROUNDS} alternating slices (after ${WARMUP_SECONDS} s warm-up), ` +
    `${cpus().length}× ${cpus()[0]?.model.trim()}, node ${process.version}, SQLite ${sqliteVersion}`,
);
report('sqlite', await measure('sqlite'));
if (POSTGRES) {
  await withThrowawayPostgres(async (url) => report('postgres', await measure('postgres', url)));
}
agent.destroy();
