import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
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

const isNoTransaction = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_ERROR' &&
  /no transaction is active/.test((error as Error).message);

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, most SQLITE_IOERR);
 * Kysely's ROLLBACK then fails with "cannot rollback - no transaction is active", and that
 * error would replace the one saying what happened (a full disk would answer 500 instead of
 * 507). Rolling back a transaction SQLite already rolled back is therefore a no-op.
 */
class CauseKeepingSqliteDriver extends SqliteDriver {
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!isNoTransaction(error)) throw error;
    }
  }
}

class SextantSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new CauseKeepingSqliteDriver(this.config);
  }
}

export function createSqliteKysely(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new SextantSqliteDialect({
      database: async () => withStatementCache(openSqliteConnection(file)),
    }),
  });
}
