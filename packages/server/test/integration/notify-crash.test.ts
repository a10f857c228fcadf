import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection, DatabaseKind } from '@sextant/db';
import { assertBuilt, waitForExit } from '../../../cli/test/support/server-process.js';
import {
  createMigratedConnection,
  createTestDatabase,
  type TestDatabase,
} from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { DATABASE_KINDS } from '../support/harness.js';
import {
  addWebhook,
  apiClient,
  createAdminToken,
  createProject,
  deliveriesByStatus,
  failDeployment,
  inParallel,
  pendingNotifyJobs,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from '../support/notify-servers.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const EVENTS = 20;

async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await waitForExit(server.child);
}

async function eventIds(connection: Connection): Promise<string[]> {
  const rows = await sql<{ id: string }>`select id from notification_events`.execute(connection.db);
  return rows.rows.map((row) => row.id).sort();
}

for (const kind of DATABASE_KINDS as DatabaseKind[]) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(
    `notifications survive kill -9 [${kind}]`,
    () => {
      let database: TestDatabase;
      let connection: Connection;
      let token = '';
      const started: ServerProcess[] = [];
      let env: NodeJS.ProcessEnv;

      beforeAll(async () => {
        assertBuilt();
        database = await createTestDatabase(kind);
        env = {
          DATABASE_URL: database.url ?? '',
          SEXTANT_DATA_DIR: database.dataDir,
          SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1',
          SEXTANT_WEBHOOK_RETRY_BASE_MS: '100',
        };
        token = await createAdminToken(env, `crash-${kind}@example.test`);
        connection = await createMigratedConnection(database);
      }, 60_000);

      afterAll(async () => {
        await Promise.all(started.map((server) => stopServerProcess(server)));
        await connection?.close();
        await database?.drop();
      });

      const start = async (extra: NodeJS.ProcessEnv): Promise<ServerProcess> => {
        const server = await startServerProcess({ ...env, ...extra });
        started.push(server);
        return server;
      };

      it('delivers events committed by a server killed before it ran their jobs, once another starts', async () => {
        const receiver = await new WebhookReceiver().start();
        try {
          // The first server runs no jobs: each event is committed with its fan-out job, and
          // nothing is sent before the kill.
          const first = await start({ SEXTANT_WORKER: '0' });
          const api = apiClient(first.url, token);
          // A workspace webhook, there before the project and its first events.
          await addWebhook(connection, null, receiver.url);
          const projectId = await createProject(api, 'Killed before sending');
          await inParallel(EVENTS, 4, (i) => failDeployment(api, projectId, i));
          const committed = await eventIds(connection);
          expect(committed.length).toBeGreaterThanOrEqual(EVENTS);
          await killHard(first);
          expect(receiver.received).toEqual([]);

          const second = await start({});
          await eventually(
            'every event delivered',
            () => receiver.countsByEvent().size >= committed.length,
          );
          await eventually(
            'the queue is empty',
            async () => (await pendingNotifyJobs(connection)) === 0,
          );
          await stopServerProcess(second);

          const counts = receiver.countsByEvent();
          expect([...counts.keys()].sort()).toEqual(committed);
          expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
          expect(await deliveriesByStatus(connection)).toEqual({ succeeded: committed.length });
        } finally {
          await receiver.stop();
        }
      }, 120_000);

      it('delivers what a server killed between attempts was retrying, once another starts', async () => {
        // A port with nobody listening: the first server's attempts are refused.
        const probe = await new WebhookReceiver().start();
        const url = probe.url;
        const port = Number(new URL(url).port);
        await probe.stop();
        await sql`delete from notification_deliveries`.execute(connection.db);
        await sql`delete from notification_events`.execute(connection.db);
        await sql`delete from notification_endpoints`.execute(connection.db);

        const first = await start({ SEXTANT_WEBHOOK_RETRY_BASE_MS: '5000' });
        const api = apiClient(first.url, token);
        await addWebhook(connection, null, url);
        const projectId = await createProject(api, 'Killed while retrying');
        await inParallel(EVENTS, 4, (i) => failDeployment(api, projectId, i));
        const committed = await eventIds(connection);
        // Every delivery tried once, refused, and waiting for its retry.
        await eventually(
          'every delivery refused once',
          async () => {
            const statuses = await deliveriesByStatus(connection);
            return (statuses.retrying ?? 0) === committed.length;
          },
          60_000,
        );
        await killHard(first);

        const receiver = await new WebhookReceiver(port).start();
        try {
          const second = await start({});
          await eventually(
            'every event delivered',
            () => receiver.countsByEvent().size >= committed.length,
            60_000,
          );
          await eventually(
            'the queue is empty',
            async () => (await pendingNotifyJobs(connection)) === 0,
            60_000,
          );
          await stopServerProcess(second);

          const counts = receiver.countsByEvent();
          expect([...counts.keys()].sort()).toEqual(committed);
          expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
          const statuses = await deliveriesByStatus(connection);
          expect(statuses).toEqual({ succeeded: committed.length });
        } finally {
          await receiver.stop();
        }
      }, 120_000);
    },
  );
}
