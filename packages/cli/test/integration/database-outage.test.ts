import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { CreatedToken, Page, Project, Run, Team } from '@sextant/core';
import {
  POSTGRES_ADMIN_URL,
  createTestDatabase,
  type TestDatabase,
} from '../../../server/test/support/databases.js';
import {
  apiClient,
  assertBuilt,
  runCli,
  startServerProcess,
  waitForExit,
  type ServerProcess,
} from '../support/server-process.js';

// A real `sextant serve` on PostgreSQL while its database goes away, twice over, without
// touching the shared cluster: first every backend of the server is killed with
// pg_terminate_backend() again and again under load (what a restart does to the server's
// connections), then the network to the database is cut (the server reaches PostgreSQL
// through a TCP relay in this test, which stops listening and drops every connection) and
// restored. Four CI clients post runs all along as `sextant run report` does, retrying with
// the same Idempotency-Key. The process must never die, answer 503 database_unavailable
// with Retry-After while the database is out of reach, take writes again once it is back,
// and store every acknowledged run exactly once.

const CLIENTS = 4;
const KILLS = 4;
const EMAIL = 'outage@example.test';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 127.0.0.1:<port> → PostgreSQL, which can be cut (nothing listens, every link dropped) and restored. */
class DatabaseRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(5432, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe.skipIf(!inject('postgresAvailable'))('a PostgreSQL outage under `sextant serve`', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  const relay = new DatabaseRelay();

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('postgres');
    admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await relay.up();
  });

  afterAll(async () => {
    await relay.down();
    await admin?.end();
    await database?.drop();
  });

  it('survives its connections being killed and the database going away, answering 503 and losing nothing', async () => {
    const direct = { DATABASE_URL: database.url ?? '', SEXTANT_DATA_DIR: database.dataDir };
    // Admin commands refuse a database without the schema; serve would create it, but the
    // user and token come first here.
    const migrated = await runCli(['migrate'], direct);
    expect(migrated.code, migrated.stderr).toBe(0);
    const created = await runCli(
      ['user', 'create', '--email', EMAIL, '--admin', '--password-stdin'],
      direct,
      'a password for the outage test\n',
    );
    expect(created.code, created.stderr).toBe(0);
    const personal = await runCli(['token', 'create', '--user', EMAIL, '--name', 'outage'], direct);
    expect(personal.code, personal.stderr).toBe(0);

    const viaRelay = new URL(database.url ?? '');
    viaRelay.port = String(relay.port);
    const server: ServerProcess = await startServerProcess({
      ...direct,
      DATABASE_URL: viaRelay.toString(),
    });
    const alive = () => server.child.exitCode === null && server.child.signalCode === null;
    const databaseName = viaRelay.pathname.slice(1);

    /** commit → the run id its post was acknowledged with. */
    const acknowledged = new Map<string, string>();
    const failures: string[] = [];
    const unavailable = { answers: 0, withoutRetryAfter: 0 };
    let stopping = false;
    try {
      const api = apiClient(server.url, personal.stdout.trim());
      const team = await api<Team>('POST', '/teams', { name: 'Outage team' });
      const project = await api<Project>('POST', '/projects', {
        teamId: team.body.id,
        name: 'Runs through an outage',
      });
      const ci = await api<CreatedToken>('POST', `/projects/${project.body.id}/ci-tokens`, {
        name: 'ci',
      });
      expect(ci.status).toBe(201);

      /** Posts one run until it is acknowledged, as `sextant run report` retries. */
      const report = async (commit: string): Promise<void> => {
        for (;;) {
          let reply: Response;
          try {
            reply = await fetch(`${server.url}/api/v1/projects/${project.body.id}/runs`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${ci.body.token}`,
                'idempotency-key': `key-${commit}`,
              },
              body: JSON.stringify({ metrics: { accuracy: 0.5 }, commit }),
              // Far above the server's 5 s wait for a connection: an answer, not a hang.
              signal: AbortSignal.timeout(30_000),
            });
          } catch (error) {
            // The server only ever answers; a socket error means it died.
            failures.push(`${commit}: ${String((error as Error).cause ?? error)}`);
            return;
          }
          const text = await reply.text();
          if (reply.status === 201) {
            const id = (JSON.parse(text) as Run).id;
            const earlier = acknowledged.get(commit);
            if (earlier && earlier !== id) failures.push(`${commit} acked as ${earlier} and ${id}`);
            acknowledged.set(commit, id);
            return;
          }
          if (reply.status !== 503 || !text.includes('"database_unavailable"')) {
            failures.push(`${commit}: ${reply.status} ${text}`);
            return;
          }
          unavailable.answers += 1;
          if (!reply.headers.get('retry-after')) unavailable.withoutRetryAfter += 1;
          await pause(20);
        }
      };
      const clients = Array.from({ length: CLIENTS }, async (_, n) => {
        for (let i = 0; !stopping && failures.length === 0; i += 1) await report(`c${n}-${i}`);
      });
      const until = async (what: string, done: () => boolean | Promise<boolean>) => {
        while (!(await done())) {
          if (!alive())
            throw new Error(`the server died while waiting for ${what}:\n${server.output()}`);
          if (failures.length > 0) throw new Error(`while waiting for ${what}: ${failures[0]}`);
          await pause(10);
        }
      };
      const moreAcks = (more: number) => {
        const target = acknowledged.size + more;
        return until(`${more} more acknowledged runs`, () => acknowledged.size >= target);
      };
      const health = () =>
        fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(30_000) });

      try {
        // 1. Every backend of the server killed under load, again and again.
        for (let kill = 0; kill < KILLS; kill += 1) {
          await moreAcks(15);
          const { rowCount } = await admin.query(
            `select pg_terminate_backend(pid) from pg_stat_activity
              where datname = $1 and backend_type = 'client backend'`,
            [databaseName],
          );
          expect(rowCount).toBeGreaterThan(0);
        }
        await moreAcks(15);

        // 2. The database out of reach: 503 with Retry-After, health says so.
        await relay.down();
        const answersBefore = unavailable.answers;
        await until(
          'the clients to be answered 503',
          () => unavailable.answers >= answersBefore + CLIENTS,
        );
        const down = await health();
        expect(down.status).toBe(503);
        expect(down.headers.get('retry-after')).toBeTruthy();
        expect(await down.json()).toMatchObject({
          status: 'database_unavailable',
          database: { kind: 'postgres', reachable: false },
        });

        // 3. Back: writes go through again, without a restart.
        await relay.up();
        await until('health to be 200 again', async () => (await health()).status === 200);
        await moreAcks(15);
      } finally {
        stopping = true;
        await Promise.all(clients);
      }

      expect(failures).toEqual([]);
      expect(unavailable.withoutRetryAfter).toBe(0);
      expect(alive()).toBe(true);
      expect(server.output()).not.toMatch(/Unhandled|uncaught/i);

      const stored: Run[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Page<Run> } = await api<Page<Run>>(
          'GET',
          `/projects/${project.body.id}/runs?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        stored.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const byCommit = new Map<string, string[]>();
      for (const run of stored) {
        byCommit.set(run.commit, [...(byCommit.get(run.commit) ?? []), run.id]);
      }
      expect([...byCommit].filter(([, ids]) => ids.length > 1)).toEqual([]);
      const lost = [...acknowledged].filter(([commit, id]) => byCommit.get(commit)?.[0] !== id);
      expect(lost).toEqual([]);
      // Every client waited for its run to be acknowledged, so nothing else was stored.
      expect(stored).toHaveLength(acknowledged.size);
    } finally {
      if (alive()) server.child.kill('SIGTERM');
      await waitForExit(server.child);
    }
  }, 120_000);
});
