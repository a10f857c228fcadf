import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Connection, DatabaseKind, Store } from '@sextant/db';
import { buildApp, type Services } from '@sextant/server';
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
}

export interface HarnessOptions {
  trustProxy?: boolean;
  /** The databases this suite is about, when it tests one engine's behaviour (default both). */
  kinds?: readonly DatabaseKind[];
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
        };
        env.factory = new Factory(env);
      });
      afterAll(async () => {
        if (!env) return;
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
