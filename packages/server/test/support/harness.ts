import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Connection, DatabaseKind, Store } from '@sextant/db';
import {
  buildApp,
  loadConfig,
  notificationSettings,
  startJobRunner,
  type JobHandler,
  type JobRunner,
  type Schedule,
  type NotificationSettings,
  type Services,
} from '@sextant/server';
import { notificationJobs } from '../../src/notifications/index.js';
import { TestClock } from './clock.js';
import { createMigratedConnection, createTestDatabase, type TestDatabase } from './databases.js';
import { Factory } from './factory.js';

export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgres'];

export interface TestEnv {
  kind: DatabaseKind;
  database: TestDatabase;
  connection: Connection;
  app: FastifyInstance;
  store: Store;
  services: Services;
  clock: TestClock;
  factory: Factory;
  /** The job runner, when the suite asked for one (`withJobs`); null otherwise. */
  jobs: JobRunner | null;
  /** The notification settings the jobs were given (defaults plus `withJobs.config`). */
  config: NotificationSettings;
}

export interface WithJobs {
  /** Overrides of the configuration notificationJobs() sees (e.g. a small webhook retry base). */
  config?: Partial<NotificationSettings>;
  /** Handlers instead of notificationJobs()'s (or beside them: these win). */
  handlers?: Record<string, JobHandler>;
  /** Schedules instead of notificationJobs()'s. */
  schedules?: Schedule[];
  /** SQLite poll interval (default 20 ms here) / PostgreSQL poll for delayed jobs (default 200 ms). */
  pollMs?: number;
}

/**
 * What in-process suites' jobs run on: the defaults, an address for links, retries in
 * milliseconds, and receivers on 127.0.0.1 allowed.
 */
export const TEST_NOTIFICATION_SETTINGS: NotificationSettings = {
  ...notificationSettings(loadConfig({}), 'http://sextant.test'),
  webhookRetryBaseMs: 50,
  allowPrivateWebhooks: true,
};

export interface HarnessOptions {
  trustProxy?: boolean;
  /** The databases this suite is about, when it tests one engine's behaviour (default both). */
  kinds?: readonly DatabaseKind[];
  /**
   * Start a job runner on the suite's database (notificationJobs()'s handlers and schedules
   * unless given). Without it no job runs: tests that want jobs call startJobRunner themselves.
   */
  withJobs?: boolean | WithJobs;
  /** Build the app as a server with SEXTANT_SMTP_URL set does: invitations are mailed. */
  mailInvitations?: boolean;
}

/**
 * Runs the same suite once per database (Kysely's DIALECTS pattern): a fresh database
 * and app per suite, so suites run in any order and in parallel.
 */
export function describeEachDatabase(
  title: string,
  body: (env: () => TestEnv) => void,
  options: HarnessOptions = {},
): void {
  for (const kind of options.kinds ?? DATABASE_KINDS) {
    const skip = kind === 'postgres' && !inject('postgresAvailable');
    describe.skipIf(skip)(`${title} [${kind}]`, () => {
      let env: TestEnv | undefined;
      beforeAll(async () => {
        const database = await createTestDatabase(kind);
        const connection = await createMigratedConnection(database);
        const clock = new TestClock();
        const { app, store, services } = await buildApp({
          connection,
          clock,
          trustProxy: options.trustProxy ?? false,
          mailInvitations: options.mailInvitations ?? false,
        });
        env = {
          kind,
          database,
          connection,
          app,
          store,
          services,
          clock,
          factory: undefined as never,
          jobs: null,
          config: TEST_NOTIFICATION_SETTINGS,
        };
        env.factory = new Factory(env);
        if (options.withJobs) {
          const jobOptions = options.withJobs === true ? {} : options.withJobs;
          env.config = { ...env.config, ...jobOptions.config };
          const pipeline = notificationJobs({ store, clock, config: env.config });
          env.jobs = startJobRunner({
            connection,
            store,
            clock,
            handlers: { ...pipeline.handlers, ...jobOptions.handlers },
            schedules: jobOptions.schedules ?? pipeline.schedules,
            pollMs: jobOptions.pollMs ?? (kind === 'sqlite' ? 20 : 200),
          });
        }
      });
      afterAll(async () => {
        if (!env) return;
        await env.jobs?.stop();
        await env.app.close();
        await env.connection.close();
        await env.database.drop();
      });
      body(() => {
        if (!env) throw new Error('test environment not ready');
        return env;
      });
    });
  }
}
