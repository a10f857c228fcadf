#!/usr/bin/env node
// Notify: how fast events reach a webhook receiver after the write that caused them commits,
// beside the same server's run-ingest rate measured in the same run, on SQLite and PostgreSQL.
//   (a) run ingest: single-run posts to POST /projects/{id}/runs from `--clients` clients for
//       `--seconds`, each with an Idempotency-Key as `sextant run report` sends (runs/s, p50/p99);
//   (b) notifications: `--events` failed production deployments posted to
//       POST /projects/{id}/deployments by the same clients as fast as the server takes them;
//       each records a `deployment.failed` event with its fan-out job in the write's
//       transaction; the server's job runner fans it out to the project's one webhook
//       endpoint and delivers it (signed) to a local node:http receiver on 127.0.0.1.
//       Latency is from the 201 (the commit is durable by then) to the receiver reading the
//       request; throughput is events delivered per second from the first post to the last
//       arrival, printed beside the rate the writes themselves committed at.
// The webhook endpoint is written straight into the database (as the endpoints API stores
// one). The server is the built CLI (`sextant serve`) with SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1.
// SQLite lives in a temp folder; PostgreSQL on a throw-away database created on
// TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test) and dropped
// afterwards; `--sqlite` skips it. Prints figures; asserts nothing.
//   (c) `--paced` more of the same events at `--rate` a second, below what the runner
//       delivers: one event's commit-to-receiver latency with no backlog ahead of it.
//   node bench/notify/run.mjs [--events 2000] [--clients 16] [--seconds 5] [--rate 20] [--paced 200] [--sqlite]
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bindRepositories, openConnection } from '@sextant/db';
import {
  apiPoster,
  arg,
  benchDataDir,
  createBenchToken,
  startServer,
  stopServer,
} from '../lib/bench-server.mjs';
import { withThrowawayPostgres } from '../lib/postgres.mjs';

const EVENTS = arg('events', 2_000);
const CLIENTS = arg('clients', 16);
const SECONDS = arg('seconds', 5);
const RATE = arg('rate', 20);
const PACED = arg('paced', 200);
const SQLITE_ONLY = process.argv.includes('--sqlite');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1_024 });

/** POST over a kept-alive connection; resolves with the status and parsed body. */
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
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A webhook receiver: the arrival time of each deployment.failed event, by deployment id. */
async function startReceiver() {
  const arrivals = new Map();
  let duplicates = 0;
  let waiting = null;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200).end('ok');
      if (req.headers['sextant-event'] !== 'deployment.failed') return;
      const deploymentId = JSON.parse(body).data?.deploymentId;
      if (arrivals.has(deploymentId)) duplicates += 1;
      else arrivals.set(deploymentId, at);
      if (waiting && arrivals.size >= waiting.count) waiting.resolve();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    arrivals,
    duplicates: () => duplicates,
    /** Resolves once `count` events have arrived. */
    until: (count) =>
      arrivals.size >= count
        ? Promise.resolve()
        : new Promise((resolve) => (waiting = { count, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function runBody(i) {
  const metrics = {};
  for (let k = 0; k < 20; k += 1) metrics[`metric_${k}`] = ((i * 31 + k * 7) % 1000) / 1000;
  return JSON.stringify({
    metrics,
    params: { learning_rate: 0.01 },
    commit: `c${i}`,
    branch: 'main',
  });
}

async function measure(kind, databaseUrl) {
  const { dataDir, env } = benchDataDir('notify', databaseUrl);
  const receiver = await startReceiver();
  let server;
  let connection;
  try {
    const personal = createBenchToken(env);
    const started = await startServer({
      ...env,
      SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1',
      SEXTANT_WEBHOOK_RETRY_BASE_MS: '1000',
    });
    server = started.server;
    const { url } = started;
    const json = apiPoster(url, personal);
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    const team = await json('/teams', { name: 'Bench' });
    const ingestProject = await json('/projects', { teamId: team.id, name: 'Ingest' });
    const ci = await json(`/projects/${ingestProject.id}/ci-tokens`, { name: 'ci' });
    const notifyProject = await json('/projects', { teamId: team.id, name: 'Notify' });
    connection = openConnection({ url: databaseUrl, dataDir });
    await bindRepositories(connection.db).notificationEndpoints.insert({
      projectId: notifyProject.id,
      kind: 'webhook',
      name: 'Bench receiver',
      url: receiver.url,
      events: [],
      secret: 'whsec_bench',
      createdBy: null,
      now: new Date().toISOString(),
    });

    // (a) run ingest.
    const asCi = { authorization: `Bearer ${ci.token}` };
    const ingestLatencies = [];
    let ingested = 0;
    const ingestStart = performance.now();
    const stopAt = ingestStart + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < stopAt) {
          const t0 = performance.now();
          const answer = await post(
            url,
            `/api/v1/projects/${ingestProject.id}/runs`,
            { ...asCi, 'idempotency-key': randomUUID() },
            runBody(ingested),
          );
          if (answer.status !== 201) throw new Error(`run: ${answer.status} ${answer.text}`);
          ingestLatencies.push(performance.now() - t0);
          ingested += 1;
        }
      }),
    );
    const ingestSeconds = (performance.now() - ingestStart) / 1000;

    // (b) notifications, as fast as the writes go.
    const asPerson = { authorization: `Bearer ${personal}` };
    const committedAt = new Map();
    const failDeployment = async (i) => {
      const answer = await post(
        url,
        `/api/v1/projects/${notifyProject.id}/deployments`,
        asPerson,
        JSON.stringify({
          version: `1.0.${i}`,
          environment: 'production',
          status: 'failed',
          finishedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      );
      if (answer.status !== 201) throw new Error(`deployment: ${answer.status} ${answer.text}`);
      committedAt.set(JSON.parse(answer.text).id, performance.now());
    };
    let next = 0;
    const notifyStart = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < EVENTS) {
          const i = next;
          next += 1;
          await failDeployment(i);
        }
      }),
    );
    const writesDone = performance.now();
    await receiver.until(EVENTS);
    const lastArrival = Math.max(...receiver.arrivals.values());
    const latencies = [...committedAt].map(([id, at]) => receiver.arrivals.get(id) - at);

    // (c) the same events paced at `--rate` a second, below what the runner can deliver:
    // the latency of one event when no backlog is ahead of it.
    committedAt.clear();
    const pacedStart = performance.now();
    const posts = [];
    for (let i = 0; i < PACED; i += 1) {
      const due = pacedStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      posts.push(failDeployment(EVENTS + i));
    }
    await Promise.all(posts);
    await receiver.until(EVENTS + PACED);
    const paced = [...committedAt].map(([id, at]) => receiver.arrivals.get(id) - at);
    return {
      health,
      ingest: {
        perSecond: ingested / ingestSeconds,
        p50: pct(ingestLatencies, 50),
        p99: pct(ingestLatencies, 99),
      },
      notify: {
        writesPerSecond: EVENTS / ((writesDone - notifyStart) / 1000),
        deliveredPerSecond: EVENTS / ((lastArrival - notifyStart) / 1000),
        p50: pct(latencies, 50),
        p99: pct(latencies, 99),
        max: Math.max(...latencies),
        drainAfterWritesMs: lastArrival - writesDone,
        duplicates: receiver.duplicates(),
      },
      paced: { p50: pct(paced, 50), p99: pct(paced, 99), max: Math.max(...paced) },
    };
  } finally {
    await connection?.close();
    if (server) await stopServer(server);
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const n0 = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => `${x.toFixed(1)} ms`;

function report(kind, { health, ingest, notify, paced }) {
  const db = health.database;
  console.log(
    `\n${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${db.kind}${db.synchronous ? `, synchronous=${db.synchronous}, journal=${db.journalMode}` : ''}), ${CLIENTS} clients`,
  );
  const rows = [
    [
      `(a) run ingest: POST …/runs for ${SECONDS} s, an Idempotency-Key each`,
      `${n0(ingest.perSecond)} runs/s`,
      `p50 ${ms(ingest.p50)}, p99 ${ms(ingest.p99)}`,
    ],
    [
      `(b) ${n0(EVENTS)} failed deployments (events) committed through POST …/deployments`,
      `${n0(notify.writesPerSecond)} events/s`,
      '',
    ],
    [
      '    delivered to the webhook receiver, first post to last arrival',
      `${n0(notify.deliveredPerSecond)} events/s`,
      `commit→receiver p50 ${ms(notify.p50)}, p99 ${ms(notify.p99)}, max ${ms(notify.max)}`,
    ],
    [
      '    last arrival after the last commit',
      ms(notify.drainAfterWritesMs),
      `duplicates received: ${notify.duplicates}`,
    ],
    [
      `(c) ${n0(PACED)} more, paced at ${RATE} events/s (no backlog)`,
      '',
      `commit→receiver p50 ${ms(paced.p50)}, p99 ${ms(paced.p99)}, max ${ms(paced.max)}`,
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [what, figure, extra] of rows) {
    console.log(`  ${what.padEnd(width)}  ${figure.padStart(14)}  ${extra}`);
  }
  console.log(`  delivered / ingest: ${(notify.deliveredPerSecond / ingest.perSecond).toFixed(2)}`);
}

console.log(
  `bench/notify on ${cpus().length} CPU(s), node ${process.version}: ${n0(EVENTS)} events, ${CLIENTS} clients`,
);
report('sqlite', await measure('sqlite', undefined));
if (!SQLITE_ONLY) {
  report('postgres', await withThrowawayPostgres((url) => measure('postgres', url)));
}
agent.destroy();
