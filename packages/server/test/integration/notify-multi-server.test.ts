import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextWeekly } from '@sextant/core';
import type { Connection } from '@sextant/db';
import { assertBuilt } from '../../../cli/test/support/server-process.js';
import { notificationJobs } from '../../src/notifications/index.js';
import {
  createMigratedConnection,
  createTestDatabase,
  type TestDatabase,
} from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { TEST_NOTIFICATION_SETTINGS } from '../support/harness.js';
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
import { TEST_NOW } from '../support/test-now.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const EVENTS = 500;

/** The weekly digest's schedule as the pipeline declares it (null until it has one). */
const weeklyDigest =
  notificationJobs({
    store: undefined as never,
    clock: { now: () => TEST_NOW },
    config: TEST_NOTIFICATION_SETTINGS,
  }).schedules.find((s) => s.task === 'notify.weekly-digest') ?? null;

// Both servers' clocks start 5 s before a Monday 08:00 (UTC), so the weekly digest falls due
// while they run.
const MONDAY_0800 = nextWeekly(TEST_NOW, 'UTC');
const START = new Date(MONDAY_0800.getTime() - 5_000);

describe.skipIf(!inject('postgresAvailable'))(
  'notifications from two servers on one PostgreSQL database',
  () => {
    let database: TestDatabase;
    let connection: Connection;
    const receiver = new WebhookReceiver();
    const servers: ServerProcess[] = [];
    let token = '';

    beforeAll(async () => {
      assertBuilt();
      database = await createTestDatabase('postgres');
      await receiver.start();
      const env = {
        DATABASE_URL: database.url,
        SEXTANT_DATA_DIR: database.dataDir,
        SEXTANT_NOW: START.toISOString(),
        SEXTANT_TIME_ZONE: 'UTC',
        SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1',
        SEXTANT_WEBHOOK_RETRY_BASE_MS: '100',
        SEXTANT_SCHEDULE_TICK_MS: '250',
      };
      token = await createAdminToken(env, 'multi@example.test');
      servers.push(await startServerProcess(env), await startServerProcess(env));
      connection = await createMigratedConnection(database);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => stopServerProcess(server)));
      await receiver.stop();
      await connection?.close();
      await database?.drop();
    });

    it(`delivers each of ${EVENTS} events caused through either server exactly once`, async () => {
      const [a, b] = servers.map((server) => apiClient(server.url, token));
      if (!a || !b) throw new Error('two servers expected');
      const projectId = await createProject(a, 'Two servers');
      await addWebhook(connection, projectId, receiver.url);

      await inParallel(EVENTS, 8, (i) => failDeployment(i % 2 === 0 ? a : b, projectId, i));

      await eventually(
        `${EVENTS} events received`,
        () => receiver.countsByEvent().size >= EVENTS,
        120_000,
      );
      // Nothing left to send: whatever arrives has arrived.
      await eventually(
        'the queue is empty',
        async () => (await pendingNotifyJobs(connection)) === 0,
        60_000,
      );

      const counts = receiver.countsByEvent();
      // Every event the writes recorded (the failed deployments, and the alerts they opened).
      const events = await sql<{ id: string; type: string }>`select id, type
        from notification_events`.execute(connection.db);
      expect(events.rows.filter((row) => row.type === 'deployment.failed')).toHaveLength(EVENTS);
      expect(new Set(counts.keys())).toEqual(new Set(events.rows.map((row) => row.id)));
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      expect(receiver.received).toHaveLength(events.rows.length);
      expect(await deliveriesByStatus(connection)).toEqual({ succeeded: events.rows.length });
    }, 240_000);

    it.skipIf(!weeklyDigest)('fires the weekly digest once across both servers', async () => {
      const name = weeklyDigest?.name ?? '';
      await eventually(
        'the weekly digest fired',
        async () => {
          const row = await sql<{ last_fired_at: string | null }>`select last_fired_at
            from schedules where name = ${name}`.execute(connection.db);
          return Boolean(row.rows[0]?.last_fired_at);
        },
        60_000,
      );
      const rows = await sql<{
        next_at: string;
        last_fired_at: string;
        last_fired_by: string;
      }>`select next_at, last_fired_at, last_fired_by from schedules where name = ${name}`.execute(
        connection.db,
      );
      const row = rows.rows[0];
      expect(row?.next_at).toBe(nextWeekly(MONDAY_0800, 'UTC').toISOString());
      expect(new Date(row?.last_fired_at ?? 0).getTime()).toBeGreaterThanOrEqual(
        MONDAY_0800.getTime(),
      );
      // One job for the instant, keyed by it: a second firing would have needed next_at to
      // still be the instant.
      const jobs = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs
        where key = ${`${name}:${MONDAY_0800.toISOString()}`} and attempts > 1`.execute(
        connection.db,
      );
      expect(jobs.rows[0]?.n).toBe(0);
    });
  },
);
