import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import { withStatementCache } from './statement-cache.js';

/** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Every SQLite connection runs with these, so an acknowledged write survives a killed
 * process (WAL + synchronous=FULL fsyncs the log at each commit) and references hold.
 */
export function applySqlitePragmas(connection: SqliteDatabase.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
}

export function openSqliteConnection(file: string): SqliteDatabase.Database {
  mkdirSync(dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  applySqlitePragmas(connection);
  return connection;
}

export function createSqliteKysely(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new SqliteDialect({
      database: async () => withStatementCache(openSqliteConnection(file)),
    }),
  });
}
