import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import { enableCopyFrom } from './pg-copy.js';

const INT8_OID = 20;

/** Counts come back as int8; they fit a JS number, so read them as one. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function createPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection dropped by the server (restart, failover, admin kill) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`, 'SextantDatabaseWarning');
  });
  // Bulk feedback uploads COPY into a staging table on the transaction's own connection.
  pool.on('connect', enableCopyFrom);
  return pool;
}

export function createPostgresKysely(url: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPostgresPool(url) }) });
}
