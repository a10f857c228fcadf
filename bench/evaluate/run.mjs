#!/usr/bin/env node
// Evaluate: hit rate@10 per day over a generated predictions file (1,000 machines × 3,650
// days = 3.65 M rows, generate.mjs), each figure beside its limit measured in the same run,
// on the file in period order and on the same rows shuffled (generate.mjs `shuffle`, seeded):
//   (a) `sextant evaluate FILE --top 10 --period day --json`, a process of its own, timed from
//       spawn to exit (start-up, CSV reading and parsing included);
//   (b) DuckDB (@duckdb/node-api, in this process) doing the same computation on the same
//       file, timed from opening an in-memory database to the answer (its CSV reading
//       included): per day, rank by score descending then entity ascending (the CLI's tie
//       rule), take the top 10, sum their labels = events caught that day; hit rate = mean
//       over the days;
//   (b′) Polars (nodejs-polars 0.25.2, in this process, loaded beforehand) doing the same, its
//       CSV reading included: scanCSV, per period the labels sorted by (score desc, entity
//       asc), the first 10 kept as a list and summed, mean over the days.
// Goal: the faster anchor's time / CLI time ≥ 2 on both files, with identical results (hit
// rate equal to 1e-9, events caught equal in total and on every day) from all three.
// (a), (b) and (b′) run in alternating rounds, medians reported;
//   (c) bulk ingestion of predictions (entity, period, model_version, score) as `text/csv`
//       bodies to POST /projects/{id}/feedback/predictions on a real server, beside the raw
//       database insert limit on the same rows: better-sqlite3 with the server's pragmas, a
//       prepared insert in large transactions; on PostgreSQL COPY; each into a plain table and
//       into one with the route's unique key. Goal: route rows/s / raw-with-the-key rows/s
//       ≥ 0.5. Each round posts a new model version, so every row is an insert. Then one
//       upload of --upload-mb (100) MB streamed as a single body. Beside each route figure,
//       the server's peak RSS rise (VmHWM, reset before the phase, less VmRSS after start-up).
//       Goal: ≤ 100 MiB for the 100 MB upload. Skipped if the route does not answer.
// SQLite lives in a temp folder; --postgres adds (c) on a throw-away database created on
// TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test) and dropped
// afterwards. Prints figures; asserts nothing.
//   node bench/evaluate/run.mjs [--file FILE] [--machines 1000] [--days 3650] [--seed 42]
//     [--top 10] [--rounds 5] [--predictions 1000000] [--chunk 250000] [--ingest-rounds 3]
//     [--upload-mb 100] [--postgres] [--no-evaluate] [--no-ingest]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { applySqlitePragmas } from '@sextant/db';
import {
  CLI,
  apiPoster,
  arg,
  benchDataDir,
  createBenchToken,
  startServer,
  stopServer,
} from '../lib/bench-server.mjs';
import { withThrowawayPostgres } from '../lib/postgres.mjs';
import { dayName, entityNames, generate, seededRandom, shuffle } from './generate.mjs';

const MACHINES = arg('machines', 1_000);
const DAYS = arg('days', 3_650);
const SEED = arg('seed', 42);
const TOP = arg('top', 10);
const ROUNDS = arg('rounds', 5);
const PREDICTIONS = arg('predictions', 1_000_000);
const CHUNK = arg('chunk', 250_000);
const INGEST_ROUNDS = arg('ingest-rounds', 3);
const UPLOAD_MB = arg('upload-mb', 100);
const RAW_TRANSACTION = 50_000;
const POSTGRES = process.argv.includes('--postgres');
const fileFlag = process.argv.indexOf('--file');
const GIVEN_FILE = fileFlag > 0 ? process.argv[fileFlag + 1] : undefined;

const n0 = (x) => Math.round(x).toLocaleString('en-US');
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `node args…`; resolves with exit code, stdout, stderr and milliseconds spawn → exit. */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        ms: performance.now() - start,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
  });
}

/** (a) `sextant evaluate`: its answer as per-day events caught plus its totals. */
async function evaluateWithCli(file) {
  const run = await runNode([
    CLI,
    'evaluate',
    file,
    '--top',
    String(TOP),
    '--period',
    'day',
    '--json',
  ]);
  if (run.code !== 0) return { error: run.stderr.trim() || `exit code ${run.code}`, ms: run.ms };
  const answer = JSON.parse(run.stdout);
  const periods = Array.isArray(answer.periods) ? answer.periods : null;
  return {
    ms: run.ms,
    hitRate: answer.hitRate,
    eventsCaught: answer.eventsCaught,
    periodCount: periods ? periods.length : answer.periods,
    perPeriod: periods ? new Map(periods.map((p) => [p.period, p.eventsCaught])) : null,
  };
}

/** (b) The same computation in DuckDB, from opening a database to the answer. */
async function evaluateWithDuckDb(file) {
  const start = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const path = file.replaceAll("'", "''");
  const reader = await connection.runAndReadAll(`
    with ranked as (
      select period, label,
             row_number() over (partition by period order by score desc, entity asc) as rank
      from read_csv('${path}', header = true, delim = ',', quote = '"',
                    columns = {'period': 'VARCHAR', 'entity': 'VARCHAR',
                               'score': 'DOUBLE', 'label': 'INTEGER'})
    ), per_period as (
      select period, sum(case when rank <= ${TOP} then label else 0 end)::BIGINT as caught
      from ranked group by period
    )
    select period, caught,
           (avg(caught) over ())::DOUBLE as hit_rate,
           (sum(caught) over ())::BIGINT as events_caught
    from per_period order by period`);
  const rows = reader.getRows();
  const ms = performance.now() - start;
  connection.closeSync();
  instance.closeSync();
  return {
    ms,
    hitRate: rows.length ? rows[0][2] : 0,
    eventsCaught: rows.length ? Number(rows[0][3]) : 0,
    periodCount: rows.length,
    perPeriod: new Map(rows.map((r) => [r[0], Number(r[1])])),
  };
}

/**
 * nodejs-polars, or why not. Its native build for this platform is an optional dependency
 * declaring Node ≥ 22, which `npm ci` skips without a word on Node 20 (it runs there all the
 * same): the first run installs that one package, pinned like nodejs-polars itself, into
 * node_modules without touching package.json or the lockfile.
 */
function loadPolars() {
  const require = createRequire(import.meta.url);
  // Probed in a child process: a failed load here would stay failed for this process.
  const probe = () =>
    spawnSync(process.execPath, [
      '-e',
      `require(${JSON.stringify(require.resolve('nodejs-polars'))})`,
    ]).status === 0;
  let install = null;
  if (!probe()) {
    const native = `nodejs-polars-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}@${polarsVersion()}`;
    console.log(`installing ${native}, Polars' native build (npm ci skips it on Node < 22)`);
    install = spawnSync(
      'npm',
      ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', native],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' },
    );
  }
  try {
    return { pl: require('nodejs-polars') };
  } catch (error) {
    const why = install
      ? ` (npm install: ${(install.stderr || '').trim().split('\n').at(-1)})`
      : '';
    return { error: `${String(error.message).split('\n')[0]}${why}` };
  }
}

/** (b′) The same computation in Polars, from scanning the CSV to the answer. */
function evaluateWithPolars(pl, file) {
  const start = performance.now();
  const perPeriod = pl
    .scanCSV(file, {
      hasHeader: true,
      schema: { period: pl.Utf8, entity: pl.Utf8, score: pl.Float64, label: pl.Int64 },
    })
    .groupBy('period')
    .agg(
      pl
        .col('label')
        .sortBy({ by: ['score', 'entity'], descending: [true, false] })
        .head(TOP)
        .alias('top'),
    )
    // Summed as a list in a second step: in 0.25.2, `sortBy(…).head(n).sum()` in one
    // aggregation drops the sort (it sums n labels of the period in file order).
    .select(pl.col('period'), pl.col('top').lst.sum().alias('caught'))
    .sort('period')
    .collectSync();
  const periods = perPeriod.getColumn('period').toArray();
  const caught = perPeriod.getColumn('caught').toArray().map(Number);
  const ms = performance.now() - start;
  const eventsCaught = caught.reduce((sum, c) => sum + c, 0);
  return {
    ms,
    hitRate: periods.length ? eventsCaught / periods.length : 0,
    eventsCaught,
    periodCount: periods.length,
    perPeriod: new Map(periods.map((p, i) => [p, caught[i]])),
  };
}

/** Days on which two answers differ (only when the CLI's answer lists its periods). */
function differingPeriods(cli, anchor) {
  if (!cli.perPeriod) return null;
  let differ = 0;
  for (const [period, caught] of anchor.perPeriod)
    if (cli.perPeriod.get(period) !== caught) differ += 1;
  for (const period of cli.perPeriod.keys()) if (!anchor.perPeriod.has(period)) differ += 1;
  return differ;
}

/** Whether an anchor's answer is the CLI's: hit rate to 1e-9, events caught in total and per day. */
function sameAnswer(cli, anchor) {
  const differ = differingPeriods(cli, anchor);
  const identical =
    Math.abs(cli.hitRate - anchor.hitRate) <= 1e-9 &&
    cli.eventsCaught === anchor.eventsCaught &&
    cli.periodCount === anchor.periodCount &&
    (differ === null || differ === 0);
  return `${identical ? 'yes' : 'NO'}${differ === null ? ' (totals only)' : ` (days that differ: ${differ})`}`;
}

/** (a), (b) and (b′) on one file, in alternating rounds; prints the medians and the ratios. */
async function compareOn(label, file, polars) {
  console.log(`${label}: ${file}`);
  const startup = [];
  const cliMs = [];
  const duckMs = [];
  const polarsMs = [];
  let cli;
  let duck;
  let polar;
  for (let round = 0; round < ROUNDS; round += 1) {
    startup.push((await runNode([CLI, '--version'])).ms);
    cli = await evaluateWithCli(file);
    if (cli.error) {
      console.log(`  (a) skipped: sextant evaluate failed: ${cli.error.split('\n')[0]}`);
      return;
    }
    cliMs.push(cli.ms);
    duck = await evaluateWithDuckDb(file);
    duckMs.push(duck.ms);
    if (polars.pl) {
      polar = evaluateWithPolars(polars.pl, file);
      polarsMs.push(polar.ms);
    }
  }
  const c = median(cliMs);
  const d = median(duckMs);
  const p = polar ? median(polarsMs) : Infinity;
  const rounds = (xs) => `rounds ${xs.map((x) => (x / 1000).toFixed(2)).join(' ')}`;
  const rows = [
    [`(a) sextant evaluate --top ${TOP} --period day --json (own process)`, sec(c), rounds(cliMs)],
    ['    of which Node + CLI start-up (sextant --version)', sec(median(startup)), rounds(startup)],
    [
      `(b) DuckDB: read_csv + row_number() over (partition by period …) ≤ ${TOP}`,
      sec(d),
      rounds(duckMs),
    ],
    polar
      ? [
          `(b′) Polars: scanCSV + per period labels sortBy(score desc, entity) head ${TOP}`,
          sec(p),
          rounds(polarsMs),
        ]
      : ['(b′) Polars', 'skipped', polars.error],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [what, time, detail] of rows)
    console.log(`  ${what.padEnd(width)}  ${time.padStart(8)}  ${detail}`);
  console.log(
    `  results: CLI hit rate ${cli.hitRate} over ${cli.periodCount} days, ${n0(cli.eventsCaught)} events caught; ` +
      `DuckDB ${duck.hitRate} over ${duck.periodCount} days, ${n0(duck.eventsCaught)} caught` +
      (polar
        ? `; Polars ${polar.hitRate} over ${polar.periodCount} days, ${n0(polar.eventsCaught)} caught`
        : ''),
  );
  console.log(
    `  identical to the CLI's: DuckDB ${sameAnswer(cli, duck)}` +
      (polar ? `; Polars ${sameAnswer(cli, polar)}` : ''),
  );
  console.log(
    `  ratios: DuckDB / CLI ${(d / c).toFixed(2)}` +
      (polar ? `, Polars / CLI ${(p / c).toFixed(2)}` : '') +
      `; the faster anchor / CLI ${(Math.min(d, p) / c).toFixed(2)}  (goal ≥ 2)`,
  );
}

async function benchEvaluate() {
  const folder = mkdtempSync(join(tmpdir(), 'sextant-bench-evaluate-'));
  let file = GIVEN_FILE;
  try {
    if (file) {
      console.log(`file: ${file} (given)`);
    } else {
      const made = await generate({
        out: join(folder, 'predictions.csv'),
        machines: MACHINES,
        days: DAYS,
        seed: SEED,
      });
      file = made.file;
      console.log(
        `generated ${n0(made.rows)} rows (${n0(MACHINES)} machines × ${n0(DAYS)} days, seed ${SEED}), ` +
          `${(made.bytes / 1024 / 1024).toFixed(1)} MiB in ${made.seconds.toFixed(1)} s`,
      );
    }
    const mixed = shuffle({ from: file, out: join(folder, 'shuffled.csv'), seed: SEED });
    console.log(
      `shuffled the same ${n0(mixed.rows)} rows (seed ${SEED}) in ${mixed.seconds.toFixed(1)} s`,
    );
    const polars = loadPolars();
    await compareOn(GIVEN_FILE ? 'in the given order' : 'in period order', file, polars);
    await compareOn('shuffled', mixed.file, polars);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The prediction rows (c) posts, as columns: entity, period and score of row i. */
function predictionRows() {
  const random = seededRandom(SEED + 1);
  const entities = entityNames(MACHINES);
  const entity = new Array(PREDICTIONS);
  const period = new Array(PREDICTIONS);
  const score = new Array(PREDICTIONS);
  for (let i = 0; i < PREDICTIONS; i += 1) {
    entity[i] = entities[i % MACHINES];
    period[i] = dayName(Math.floor(i / MACHINES));
    score[i] = Number(random().toFixed(4));
  }
  return { entity, period, score };
}

/** The rows as `text/csv` bodies of CHUNK rows each, for model version `version`. */
function csvBodies(rows, version) {
  const bodies = [];
  for (let from = 0; from < PREDICTIONS; from += CHUNK) {
    let body = 'entity,period,model_version,score\n';
    const to = Math.min(PREDICTIONS, from + CHUNK);
    for (let i = from; i < to; i += 1)
      body += `${rows.entity[i]},${rows.period[i]},${version},${rows.score[i]}\n`;
    bodies.push(body);
  }
  return bodies;
}

const agent = new http.Agent({ keepAlive: true });

/**
 * POST over a kept-alive connection, of a string (with its length) or of chunks (streamed);
 * resolves with the status and the answer's text.
 */
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const whole = typeof body === 'string';
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: whole ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (c) => (text += c));
        response.on('end', () => resolve({ status: response.statusCode, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (whole) request.end(body);
    else pipeline(Readable.from(body), request).catch(reject);
  });
}

/** `bytes` of CSV predictions for model version `version` (the (c) rows, on and on), in 64 KB chunks. */
function* csvUpload(bytes, version) {
  const random = seededRandom(SEED + 2);
  const entities = entityNames(MACHINES);
  let chunk = 'entity,period,model_version,score\n';
  let sent = 0;
  for (let i = 0; ; i += 1) {
    const line = `${entities[i % MACHINES]},${dayName(Math.floor(i / MACHINES))},${version},${Number(random().toFixed(4))}\n`;
    if (sent + chunk.length + line.length > bytes) break;
    chunk += line;
    if (chunk.length >= 65_536) {
      sent += chunk.length;
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The server's resident set and its peak (KiB), from /proc; null where there is none. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]);
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Runs `work` and answers how far the server's peak RSS during it rose above `fresh` (its
 * RSS after start-up, KiB), in MiB: the peak is reset first (`clear_refs` 5, proc(5)), so
 * earlier phases do not count, but what they left in the heap does. Null off Linux.
 */
async function peakRise(pid, fresh, work) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    await work();
    return null;
  }
  await work();
  const end = memoryOf(pid);
  return end && fresh !== null ? (end.peak - fresh) / 1024 : null;
}

const mib = (x) => (x === null ? 'peak RSS n/a' : `peak RSS +${x.toFixed(0)} MiB`);

/** A plain table; `keyed` adds the route's natural key (a unique index), to read the gap by. */
const rawTable = (table, keyed) =>
  `create table ${table} (project_id text not null, entity text not null, period text not null, model_version text not null, score double precision not null` +
  (keyed ? ', unique (project_id, entity, period, model_version))' : ')');
const KEY_NOTE = 'unique (project, entity, period, model version) as the route keeps';

/** The raw limit on SQLite: a prepared insert, RAW_TRANSACTION rows per transaction. */
function rawSqlite(file, keyed = false) {
  const table = keyed ? 'raw_keyed' : 'raw_predictions';
  const db = new Database(file);
  applySqlitePragmas(db);
  db.exec(rawTable(table, keyed));
  const insert = db.prepare(`insert into ${table} values (?, ?, ?, ?, ?)`);
  const many = db.transaction((rows, version, from, to) => {
    for (let i = from; i < to; i += 1)
      insert.run('p', rows.entity[i], rows.period[i], version, rows.score[i]);
  });
  return {
    label: keyed
      ? `    the same with ${KEY_NOTE}`
      : `better-sqlite3, same pragmas, prepared insert, ${n0(RAW_TRANSACTION)} rows a transaction, plain table`,
    insert: async (rows, version) => {
      for (let from = 0; from < PREDICTIONS; from += RAW_TRANSACTION)
        many(rows, version, from, Math.min(PREDICTIONS, from + RAW_TRANSACTION));
    },
    count: async () => db.prepare(`select count(*) as n from ${table}`).get().n,
    close: async () => db.close(),
  };
}

/** The raw limit on PostgreSQL: COPY … FROM STDIN (text format) into a plain table. */
async function rawPostgres(url, keyed = false) {
  const table = keyed ? 'raw_keyed' : 'raw_predictions';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(rawTable(table, keyed));
  return {
    label: keyed
      ? `    the same with ${KEY_NOTE}`
      : 'pg, COPY raw_predictions FROM STDIN, plain table, one transaction',
    insert: async (rows, version) => {
      const lines = function* () {
        for (let from = 0; from < PREDICTIONS; from += 10_000) {
          let text = '';
          for (let i = from; i < Math.min(PREDICTIONS, from + 10_000); i += 1)
            text += `p\t${rows.entity[i]}\t${rows.period[i]}\t${version}\t${rows.score[i]}\n`;
          yield text;
        }
      };
      await client.query('begin');
      await pipeline(Readable.from(lines()), client.query(copyFrom(`copy ${table} from stdin`)));
      await client.query('commit');
    },
    count: async () => Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n),
    close: async () => {
      await client.query(`drop table if exists ${table}`).catch(() => undefined);
      await client.end();
    },
  };
}

async function benchIngest(kind, databaseUrl) {
  const { dataDir, env } = benchDataDir('evaluate', databaseUrl);
  let server;
  let raw;
  let keyed;
  try {
    const token = createBenchToken(env);
    const started = await startServer(env);
    server = started.server;
    const { url } = started;
    const asPerson = { authorization: `Bearer ${token}` };
    const json = apiPoster(url, token);
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    const db = health.database ?? { kind };
    console.log(
      `(c) ingest [${db.kind}${db.journalMode ? ` ${db.journalMode}` : ''}${db.synchronous ? ` synchronous=${db.synchronous}` : ''}]`,
    );
    const team = await json('/teams', { name: 'Bench' });
    const project = await json('/projects', {
      teamId: team.id,
      name: 'Evaluate',
      scope: { why: 'benchmark' },
    });
    const route = `${url}/api/v1/projects/${project.id}/feedback/predictions`;
    const csvHeaders = { ...asPerson, 'content-type': 'text/csv' };
    const probe = await post(
      route,
      csvHeaders,
      'entity,period,model_version,score\nm0001,2000-01-01,probe,0.5\n',
    );
    const routeFound = probe.status !== 404;
    if (routeFound && probe.status >= 300) throw new Error(`probe: ${probe.status} ${probe.text}`);

    // The server's resident set after start-up and a one-row probe: what each rise is from.
    const fresh = memoryOf(server.pid)?.rss ?? null;
    raw = kind === 'sqlite' ? rawSqlite(join(dataDir, 'raw.db')) : await rawPostgres(databaseUrl);
    keyed =
      kind === 'sqlite'
        ? rawSqlite(join(dataDir, 'raw-keyed.db'), true)
        : await rawPostgres(databaseUrl, true);
    const rows = predictionRows();
    const t = { route: { rows: 0, ms: 0 }, raw: { rows: 0, ms: 0 }, keyed: { rows: 0, ms: 0 } };
    let inserted = 0;
    let bodyBytes = 0;
    let roundsRise = null;
    for (let round = 0; round < INGEST_ROUNDS; round += 1) {
      const version = `v${round + 1}`;
      if (routeFound) {
        const bodies = csvBodies(rows, version);
        bodyBytes = Math.max(...bodies.map((b) => Buffer.byteLength(b)));
        const rise = await peakRise(server.pid, fresh, async () => {
          const start = performance.now();
          for (const body of bodies) {
            const reply = await post(route, csvHeaders, body);
            if (reply.status >= 300)
              throw new Error(`POST predictions: ${reply.status} ${reply.text.slice(0, 300)}`);
            inserted += JSON.parse(reply.text).inserted ?? 0;
          }
          t.route.ms += performance.now() - start;
          t.route.rows += PREDICTIONS;
        });
        if (rise !== null) roundsRise = Math.max(roundsRise ?? 0, rise);
      }
      for (const [limit, into] of [
        [raw, t.raw],
        [keyed, t.keyed],
      ]) {
        const start = performance.now();
        await limit.insert(rows, version);
        into.ms += performance.now() - start;
        into.rows += PREDICTIONS;
      }
    }
    // One large upload, streamed as a single body: its speed and what it costs in memory.
    const upload = { rows: 0, ms: 0, bytes: 0, rise: null };
    if (routeFound && UPLOAD_MB > 0) {
      const bytes = UPLOAD_MB * 1_000_000;
      upload.rise = await peakRise(server.pid, fresh, async () => {
        const start = performance.now();
        const reply = await post(route, csvHeaders, csvUpload(bytes, 'upload'));
        upload.ms = performance.now() - start;
        if (reply.status >= 300)
          throw new Error(`POST ${UPLOAD_MB} MB: ${reply.status} ${reply.text.slice(0, 300)}`);
        upload.rows = JSON.parse(reply.text).received;
      });
      upload.bytes = bytes;
    }
    const rate = (x) => (x.rows / x.ms) * 1000;
    const lines = [
      [
        routeFound
          ? `route: POST …/feedback/predictions, text/csv, ${Math.ceil(PREDICTIONS / CHUNK)} bodies of ${n0(CHUNK)} rows (${(bodyBytes / 1024 / 1024).toFixed(1)} MiB) a round, one after another`
          : 'route: POST …/feedback/predictions',
        routeFound ? `${n0(rate(t.route))} rows/s` : 'skipped: route not found',
        routeFound ? mib(roundsRise) : '',
      ],
      ...(upload.rows > 0
        ? [
            [
              `    one upload of ${UPLOAD_MB} MB (${n0(upload.rows)} rows) streamed as a single body`,
              `${n0(rate(upload))} rows/s`,
              mib(upload.rise),
            ],
          ]
        : []),
      [`raw: ${raw.label}`, `${n0(rate(t.raw))} rows/s`, ''],
      [keyed.label, `${n0(rate(t.keyed))} rows/s`, ''],
    ];
    const width = Math.max(...lines.map((l) => l[0].length));
    for (const [what, figure, memory] of lines)
      console.log(`  ${what.padEnd(width)}  ${figure.padStart(14)}  ${memory}`.trimEnd());
    console.log(
      `  ${n0(PREDICTIONS)} rows a round, ${INGEST_ROUNDS} alternating rounds (a new model version each)` +
        (routeFound ? `; the route reported ${n0(inserted)} of ${n0(t.route.rows)} inserted` : '') +
        `; the raw tables hold ${n0(await raw.count())} and ${n0(await keyed.count())}`,
    );
    if (routeFound)
      console.log(
        `  ratio route / raw with the key:  ${(rate(t.route) / rate(t.keyed)).toFixed(2)}  (goal ≥ 0.5; ` +
          `route / raw into a plain table: ${(rate(t.route) / rate(t.raw)).toFixed(2)})`,
      );
    if (upload.rise !== null)
      console.log(
        `  peak RSS rise of the server for one ${UPLOAD_MB} MB upload:  ${upload.rise.toFixed(0)} MiB  (goal ≤ 100 MiB for 100 MB)`,
      );
  } finally {
    await raw?.close();
    await keyed?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const memory = new Database(':memory:');
const sqliteVersion = memory.prepare('select sqlite_version() as v').get().v;
memory.close();
console.log(
  `bench/evaluate: hit rate@${TOP} per day, ${ROUNDS} alternating rounds; ${cpus().length}× ${cpus()[0]?.model.trim()}, ` +
    `node ${process.version}, DuckDB ${await duckDbVersion()}, Polars ${polarsVersion()}, SQLite ${sqliteVersion}`,
);
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npx tsc -b first`);
if (!process.argv.includes('--no-evaluate')) await benchEvaluate();
if (!process.argv.includes('--no-ingest')) {
  await benchIngest('sqlite');
  if (POSTGRES) await withThrowawayPostgres((url) => benchIngest('postgres', url));
}
agent.destroy();

async function duckDbVersion() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const version = (await connection.runAndReadAll('select version()')).getRows()[0][0];
  connection.closeSync();
  instance.closeSync();
  return version;
}

function polarsVersion() {
  try {
    return createRequire(import.meta.url)('nodejs-polars/package.json').version;
  } catch {
    return 'missing';
  }
}
