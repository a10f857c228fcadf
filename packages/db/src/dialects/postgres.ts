import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import { guardPooledClient } from './pg-client.js';
import { enableCopyFrom } from './pg-copy.js';

const INT8_OID = 20;

/** Counts come back as int8; they fit a JS number, so read them as one. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * How long a request waits for a connection, a new one to open or a busy pool to free one,
 * before it fails (503 `database_unavailable`) rather than hang while the database is
 * unreachable.
 */
export const PG_CONNECT_TIMEOUT_MS = 5_000;

export function createPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // A connection whose peer vanished without a word (a cut network) is found out.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection dropped by the server (restart, failover, admin kill): the pool has
  // discarded it, the client's own listener has reported it, and the next query opens a
  // fresh one. Without a listener here the pool's `error` event would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    // Bulk feedback uploads COPY into a staging table on the transaction's own connection.
    enableCopyFrom(client);
    guardPooledClient(client);
  });
  return pool;
}

export function createPostgresKysely(url: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPostgresPool(url) }) });
}
