import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextWeekly } from '@sextant/core';
import type { Connection } from '@sextant/db';
import { assertBuilt } from '../../../cli/test/support/server-process.js';
import { notificationJobs, WEEKLY_DIGEST_EVENT } from '../../src/notifications/index.js';
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

// Both servers' clocks start 20 s before a Monday 08:00 (UTC), so the weekly digest falls due
// while they run, after the project and its endpoints exist.
const MONDAY_0800 = nextWeekly(TEST_NOW, 'UTC');
const START = new Date(MONDAY_0800.getTime() - 20_000);

describe.skipIf(!inject('postgresAvailable'))(
  'notifications from two servers on one PostgreSQL database',
  () => {
    let database: TestDatabase;
    let connection: Connection;
    const receiver = new WebhookReceiver();
    const servers: ServerProcess[] = [];
    let token = '';
    let projectId = '';

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
      const first = servers[0];
      if (!first) throw new Error('no server');
      // A workspace webhook (every project), there before the project and its first events.
      await addWebhook(connection, null, receiver.url);
      projectId = await createProject(apiClient(first.url, token), 'Two servers');
      // A Slack endpoint that takes the weekly digest only.
      await addWebhook(connection, projectId, receiver.urlOf('/slack'), {
        kind: 'slack',
        events: [WEEKLY_DIGEST_EVENT],
      });
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
      const hooks = receiver.received.filter((hook) => hook.path === '/hook');
      expect(hooks).toHaveLength(events.rows.length);
      const webhookDeliveries = await sql<{
        status: string;
        n: number;
      }>`select status, count(*)::int as n
        from notification_deliveries where channel = 'webhook' group by status`.execute(
        connection.db,
      );
      expect(webhookDeliveries.rows).toEqual([{ status: 'succeeded', n: events.rows.length }]);
    }, 240_000);

    it.skipIf(!weeklyDigest)('fires the weekly digest once across both servers', async () => {
      const name = weeklyDigest?.name ?? '';
      await eventually(
        'the weekly digest reached Slack',
        () => receiver.received.some((hook) => hook.path === '/slack'),
        60_000,
      );
      // Both servers tick every 250 ms; let them tick past the instant a few more times.
      const ticked = Date.now();
      await eventually('more ticks', () => Date.now() - ticked > 1_500);
      await eventually(
        'the queue is empty',
        async () => (await pendingNotifyJobs(connection)) === 0,
      );

      expect(receiver.received.filter((hook) => hook.path === '/slack')).toHaveLength(1);
      const rows = await sql<{
        next_at: string;
        last_fired_at: string;
        last_fired_by: string;
      }>`select next_at, last_fired_at, last_fired_by from schedules where name = ${name}`.execute(
        connection.db,
      );
      const row = rows.rows[0];
      // Fired for this Monday, now waiting for the next one.
      expect(row?.next_at).toBe(nextWeekly(MONDAY_0800, 'UTC').toISOString());
      expect(new Date(row?.last_fired_at ?? 0).getTime()).toBeGreaterThanOrEqual(
        MONDAY_0800.getTime(),
      );
      expect(row?.last_fired_by).toMatch(/:/);
    });
  },
);
