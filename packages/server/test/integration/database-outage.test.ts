import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { CreatedToken, ErrorBody, Health, HealthDown, Page, Run } from '@sextant/core';
import { openConnection, type Connection } from '@sextant/db';
import { buildApp, type BuiltApp } from '@sextant/server';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { POSTGRES_ADMIN_URL } from '../support/databases.js';
import { TestClient, type Reply } from '../support/client.js';

// PostgreSQL going away under a running server, without touching the shared cluster: the
// test kills the server's own backends (only those of its own database) with
// pg_terminate_backend(), the same error path as a restart or a failover, and points a
// server at a port where nothing listens. The server answers 503 `database_unavailable`
// with Retry-After while it cannot reach the database, never dies of it, and needs no
// restart when the database is back. Process-level: packages/cli/test/integration/database-outage.test.ts.

const databaseOf = (env: TestEnv) => new URL(env.database.url ?? '').pathname.slice(1);

/** A session on the admin database (not the test's): it kills and watches the test's backends. */
let admin: pg.Client;

/** Terminates every backend of the test's database but `spare`; how many it ended. */
async function terminateBackends(env: TestEnv, spare = 0): Promise<number> {
  const { rows } = await admin.query<{ ended: boolean }>(
    `select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = $1 and pid <> $2 and backend_type = 'client backend'`,
    [databaseOf(env), spare],
  );
  return rows.filter((r) => r.ended).length;
}

/** Resolves once one of the server's backends waits for a lock `holder` holds. */
async function someoneWaitsOn(env: TestEnv, holder: number): Promise<void> {
  for (;;) {
    const { rows } = await admin.query(
      `select 1 from pg_stat_activity
        where datname = $1 and pid <> $2 and wait_event_type = 'Lock'`,
      [databaseOf(env), holder],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A connection of the test's own that holds `table` locked until it is released. */
async function lockTable(env: TestEnv, table: string) {
  const holder = new pg.Client({ connectionString: env.database.url });
  await holder.connect();
  await holder.query('begin');
  await holder.query(`lock table ${table} in access exclusive mode`);
  const pid = ((await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]
    ?.pid ?? 0) as number;
  return {
    pid,
    release: async () => {
      await holder.query('rollback');
      await holder.end();
    },
  };
}

function expectUnavailable(reply: Reply<unknown>): void {
  const body = reply.body as ErrorBody;
  expect(reply.status, JSON.stringify(body)).toBe(503);
  expect(body.error.code).toBe('database_unavailable');
  expect(body.error.message).toMatch(/database is unavailable/);
  expect(JSON.stringify(body)).not.toMatch(/terminat|ECONN|127\.0\.0\.1|postgres/i);
  expect(Number(reply.raw.headers['retry-after'])).toBeGreaterThan(0);
}

async function ciProject(env: TestEnv) {
  const { admin: owner, project } = await env.factory.workspace();
  const token = await owner.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  return { owner, project, ci: owner.client.withBearer(token.body.token) };
}

const postRun = (client: TestClient, projectId: string, commit: string) =>
  client.request<Run>(
    'POST',
    `/projects/${projectId}/runs`,
    { metrics: { accuracy: 0.5 }, commit },
    { headers: { 'idempotency-key': `key-${commit}` } },
  );

async function allRuns(client: TestClient, projectId: string): Promise<Run[]> {
  const runs: Run[] = [];
  let cursor: string | null = null;
  do {
    const page: Reply<Page<Run>> = await client.get<Page<Run>>(
      `/projects/${projectId}/runs?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    runs.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return runs;
}

describeEachDatabase(
  'PostgreSQL connections killed under the server',
  (env) => {
    beforeAll(async () => {
      admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
    });

    it('answers a read whose connection is killed with 503 and Retry-After, and serves the next one', async () => {
      const { owner, project, ci } = await ciProject(env());
      expect((await postRun(ci, project.id, 'one')).status).toBe(201);
      // The read waits on a lock, so it is in flight on its connection when that is killed.
      const lock = await lockTable(env(), 'runs');
      const read = owner.client.get(`/projects/${project.id}/runs`);
      await someoneWaitsOn(env(), lock.pid);
      expect(await terminateBackends(env(), lock.pid)).toBeGreaterThan(0);
      expectUnavailable(await read);
      await lock.release();

      const again = await owner.client.get<Page<Run>>(`/projects/${project.id}/runs`);
      expect(again.status).toBe(200);
      expect(again.body.items.map((r) => r.commit)).toEqual(['one']);
      expect((await owner.client.get<Health>('/health')).status).toBe(200);
    });

    it('keeps every acknowledged post exactly once while its connections are killed, group commit in flight', async () => {
      const { owner, project, ci } = await ciProject(env());
      const CLIENTS = 4;
      const KILLS = 6;
      /** commit → the run id its post was acknowledged with. */
      const acknowledged = new Map<string, string>();
      const failures: string[] = [];
      let stopping = false;

      /** Posts one run until it is acknowledged, as `sextant run report` retries a 503. */
      const report = async (commit: string) => {
        for (;;) {
          const reply = await postRun(ci, project.id, commit);
          if (reply.status === 201) {
            const earlier = acknowledged.get(commit);
            if (earlier && earlier !== reply.body.id) failures.push(`${commit} acked twice`);
            acknowledged.set(commit, reply.body.id);
            return;
          }
          if (reply.status !== 503) {
            failures.push(`${commit}: ${reply.status} ${JSON.stringify(reply.body)}`);
            return;
          }
          expectUnavailable(reply);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const clients = Array.from({ length: CLIENTS }, async (_, n) => {
        for (let i = 0; !stopping; i += 1) await report(`c${n}-${i}`);
      });
      const acks = async (more: number) => {
        const target = acknowledged.size + more;
        while (acknowledged.size < target && failures.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };

      try {
        for (let kill = 0; kill < KILLS; kill += 1) {
          await acks(10);
          if (kill % 2 === 0) {
            // A group's transaction waits on the runs table, its client checked out, when
            // its connection is killed.
            const lock = await lockTable(env(), 'runs');
            await someoneWaitsOn(env(), lock.pid);
            expect(await terminateBackends(env(), lock.pid)).toBeGreaterThan(0);
            await lock.release();
          } else {
            // Wherever the server's connections are: idle, mid-query, between two queries.
            expect(await terminateBackends(env())).toBeGreaterThan(0);
          }
        }
        await acks(10);
      } finally {
        stopping = true;
        await Promise.all(clients);
      }

      expect(failures).toEqual([]);
      const stored = await allRuns(owner.client, project.id);
      const byCommit = new Map<string, string[]>();
      for (const run of stored)
        byCommit.set(run.commit, [...(byCommit.get(run.commit) ?? []), run.id]);
      expect([...byCommit].filter(([, ids]) => ids.length > 1)).toEqual([]);
      expect([...acknowledged].filter(([commit, id]) => byCommit.get(commit)?.[0] !== id)).toEqual(
        [],
      );
      expect(stored).toHaveLength(acknowledged.size);
      // Still serving, on fresh connections.
      expect((await owner.client.get<Health>('/health')).status).toBe(200);
      expect((await postRun(ci, project.id, 'after')).status).toBe(201);
    });
  },
  { kinds: ['postgres'] },
);

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

/** A port that takes connections and never says a word: a database behind a dead network. */
async function silentPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 1,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a server whose PostgreSQL does not answer', () => {
  let built: BuiltApp | undefined;
  let connection: Connection | undefined;
  let silent: { close: () => Promise<void> } | undefined;

  afterEach(async () => {
    await built?.app.close();
    await connection?.close();
    await silent?.close();
    built = undefined;
    connection = undefined;
    silent = undefined;
  });

  const start = async (port: number) => {
    connection = openConnection({
      url: `postgres://postgres@127.0.0.1:${port}/sextant`,
      dataDir: '/nonexistent',
    });
    built = await buildApp({ connection });
    return new TestClient(built.app);
  };

  it('answers 503 database_unavailable with Retry-After when nothing listens, and health says down', async () => {
    const client = await start(await closedPort());
    const health = await client.get<HealthDown>('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'database_unavailable',
      database: { kind: 'postgres', reachable: false },
    });
    expect(Number(health.raw.headers['retry-after'])).toBeGreaterThan(0);
    expectUnavailable(await client.withBearer(`sxt_${'a'.repeat(43)}`).get('/me'));
    expectUnavailable(
      await client.post('/auth/login', { email: 'a@example.test', password: 'x'.repeat(12) }),
    );
    // Still answering after all that.
    expect((await client.get('/health')).status).toBe(503);
  });

  it('answers 503 rather than hang when the database takes the connection and never replies', async () => {
    const port = await silentPort();
    silent = port;
    const client = await start(port.port);
    const [health, me] = await Promise.all([
      client.get<HealthDown>('/health'),
      client.withBearer(`sxt_${'a'.repeat(43)}`).get('/me'),
    ]);
    expect(health.status).toBe(503);
    expectUnavailable(me);
  });
});
