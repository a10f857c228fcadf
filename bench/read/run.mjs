#!/usr/bin/env node
// Reads at scale: GET /portfolio and a project's overview (GET /projects/{id} and
// GET /projects/{id}/kpis) on a workspace of 1,000 projects, 50,000 deployments and 100,000
// runs, each beside GET /health measured in the same run (interleaved rounds, one client).
// Goals: portfolio p95 ≤ 20× health p95, project overview p95 ≤ 5× health p95.
// Seeds through the API (team, projects, runs in batches, ledger, insights) and, for the
// 50,000 deployments and the stage history, straight into the database (the API would take
// minutes and measure writes, not reads). SQLite in a temp folder; --postgres on a
// throw-away database created on TEST_DATABASE_URL's server and dropped afterwards.
// Prints figures; asserts nothing.
//   node bench/read/run.mjs [--projects 1000] [--deployments 50000] [--runs 100000] [--rounds 50] [--postgres]
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { newId, openConnection } from '@sextant/db';
import {
  apiPoster,
  arg,
  benchDataDir,
  createBenchToken,
  startServer,
  stopServer,
} from '../lib/bench-server.mjs';
import { withThrowawayPostgres } from '../lib/postgres.mjs';

const PROJECTS = arg('projects', 1_000);
const DEPLOYMENTS = arg('deployments', 50_000);
const RUNS = arg('runs', 100_000);
const ROUNDS = arg('rounds', 50);
const POSTGRES = process.argv.includes('--postgres');
const DAY = 86_400_000;

/** `n` calls of `task(i)` with at most `width` in flight. */
async function pool(n, width, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function seed(url, token, connection) {
  const call = apiPoster(url, token);
  const team = await call('/teams', { name: 'Bench' });
  const projects = new Array(PROJECTS);
  await pool(PROJECTS, 8, async (i) => {
    projects[i] = await call('/projects', {
      teamId: team.id,
      name: `Project ${String(i).padStart(4, '0')}`,
      scope: { why: 'benchmark', users: i % 3 ? [{ name: 'A planner' }] : [] },
    });
  });
  const runsPer = Math.ceil(RUNS / PROJECTS);
  const now = Date.now();
  await pool(PROJECTS, 4, async (i) => {
    const runs = Array.from({ length: runsPer }, (_, k) => ({
      metrics: { hit_rate_at_10: ((i + k) % 100) / 100, precision_at_10: (k % 50) / 50 },
      commit: `c${i}-${k}`,
      finishedAt: new Date(now - (runsPer - k) * DAY).toISOString(),
    }));
    await call(`/projects/${projects[i].id}/runs/batch`, { runs });
  });
  // A fifth of the projects in production since a year ago, with a ledger and an insight.
  const inProduction = projects.filter((_, i) => i % 5 === 0);
  const { db } = connection;
  const yearAgo = new Date(now - 365 * DAY).toISOString();
  for (const p of inProduction) {
    await db
      .insertInto('stage_changes')
      .values([
        {
          id: newId(),
          project_id: p.id,
          from_stage: 'scoping',
          to_stage: 'poc',
          note: 'bench',
          changed_by: null,
          changed_at: yearAgo,
        },
        {
          id: newId(),
          project_id: p.id,
          from_stage: 'poc',
          to_stage: 'productization',
          note: 'bench',
          changed_by: null,
          changed_at: yearAgo,
        },
        {
          id: newId(),
          project_id: p.id,
          from_stage: 'productization',
          to_stage: 'production',
          note: 'bench',
          changed_by: null,
          changed_at: yearAgo,
        },
      ])
      .execute();
    await db.updateTable('projects').set({ stage: 'production' }).where('id', '=', p.id).execute();
  }
  await pool(inProduction.length, 8, async (i) => {
    const p = inProduction[i];
    await call(`/projects/${p.id}/ledger`, {
      kind: 'cost',
      category: 'infrastructure',
      amount: 5_000,
      currency: 'EUR',
      status: 'realized',
      date: new Date(now - 200 * DAY).toISOString().slice(0, 10),
    });
    await call(`/projects/${p.id}/ledger`, {
      kind: 'return',
      category: 'savings',
      amount: 2_000 + (i % 7) * 1_000,
      currency: 'EUR',
      status: 'realized',
      date: new Date(now - 20 * DAY).toISOString().slice(0, 10),
    });
    await call(`/projects/${p.id}/insights`, {
      title: `Insight ${i}`,
      businessArea: 'operations',
    });
  });
  const deploymentsPer = Math.ceil(DEPLOYMENTS / PROJECTS);
  const rows = [];
  for (const [i, p] of projects.entries()) {
    for (let k = 0; k < deploymentsPer; k += 1) {
      const finished = new Date(now - ((k * 7 + i) % 365) * DAY).toISOString();
      rows.push({
        id: newId(),
        project_id: p.id,
        version: `1.${k}.0`,
        environment: k % 4 === 0 ? 'staging' : 'production',
        status: k % 10 === 0 ? 'failed' : 'succeeded',
        commit_sha: `c${i}-${k}`,
        started_at: null,
        finished_at: finished,
        run_id: null,
        provenance: 'ci',
        ci_provider: null,
        ci_job_id: null,
        ci_job_url: null,
        token_id: null,
        posted_by: null,
        created_at: finished,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('deployments')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return { projects, production: inProduction[0] };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function measure(kind, databaseUrl) {
  const { dataDir, env } = benchDataDir('read', databaseUrl);
  let server;
  let connection;
  try {
    const token = createBenchToken(env);
    const started = await startServer(env);
    server = started.server;
    const { url } = started;
    connection = openConnection({ url: databaseUrl || undefined, dataDir });
    const t0 = performance.now();
    const { production } = await seed(url, token, connection);
    const seedSeconds = (performance.now() - t0) / 1000;

    const get = async (path) => {
      const start = performance.now();
      const reply = await fetch(`${url}/api/v1${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await reply.text();
      if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${body.slice(0, 200)}`);
      return { ms: performance.now() - start, bytes: body.length, body };
    };
    const first = await get('/portfolio?limit=50');
    const portfolio = JSON.parse(first.body);
    const targets = {
      health: '/health',
      portfolio: '/portfolio?limit=50',
      project: `/projects/${production.id}`,
      kpis: `/projects/${production.id}/kpis`,
    };
    const times = { health: [], portfolio: [], project: [], kpis: [] };
    for (const path of Object.values(targets)) await get(path); // warm-up
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < 10; i += 1) times.health.push((await get(targets.health)).ms);
      for (let i = 0; i < 3; i += 1) times.portfolio.push((await get(targets.portfolio)).ms);
      for (let i = 0; i < 5; i += 1) times.project.push((await get(targets.project)).ms);
      for (let i = 0; i < 5; i += 1) times.kpis.push((await get(targets.kpis)).ms);
    }
    return { seedSeconds, portfolio, bytes: first.bytes, times };
  } finally {
    await connection?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(kind, { seedSeconds, portfolio, bytes, times }) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const health95 = pct(times.health, 95);
  console.log(`read [${kind}] seeded in ${seedSeconds.toFixed(0)} s`);
  console.log(
    `  workspace: ${portfolio.workspace.projects} projects, ${portfolio.workspace.reachedProduction} reached production, health ${JSON.stringify(portfolio.workspace.perHealth)}; first page ${(bytes / 1024).toFixed(0)} KiB`,
  );
  const line = (label, values, goal) => {
    const p95 = pct(values, 95);
    const ratio = p95 / health95;
    console.log(
      `  ${label.padEnd(44)} p50 ${ms(pct(values, 50)).padStart(9)}  p95 ${ms(p95).padStart(9)}` +
        (goal ? `  = ${ratio.toFixed(1)}× health (goal ≤ ${goal}×)` : ''),
    );
  };
  line('GET /health', times.health);
  line('GET /portfolio (first 50 of all projects)', times.portfolio, 20);
  line('GET /projects/{id} (overview)', times.project, 5);
  line('GET /projects/{id}/kpis (overview tiles)', times.kpis, 5);
}

console.log(
  `bench/read: ${PROJECTS} projects, ${DEPLOYMENTS} deployments, ${RUNS} runs; ${ROUNDS} rounds, one client; ` +
    `${cpus().length}× ${cpus()[0]?.model.trim()}, node ${process.version}`,
);
report('sqlite', await measure('sqlite'));
if (POSTGRES) {
  await withThrowawayPostgres(async (url) => report('postgres', await measure('postgres', url)));
}
