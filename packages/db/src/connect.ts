import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { createSqliteKysely } from './dialects/sqlite.js';
import { createPostgresKysely } from './dialects/postgres.js';
import { isDatabaseUnavailable, isStorageFull } from './driver-errors.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** A `postgres://` URL selects PostgreSQL; absent, SQLite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
}

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for humans: a file path or the URL without its password. */
  location: string;
  /** The PostgreSQL URL (with its password), for what opens its own connections: the job queue. */
  url?: string;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'sextant.db';

export function isPostgresUrl(url: string | undefined): url is string {
  return Boolean(url && /^postgres(ql)?:\/\//.test(url));
}

export function openConnection(config: DatabaseConfig): Connection {
  if (config.url && !isPostgresUrl(config.url)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (isPostgresUrl(config.url)) {
    const db = createPostgresKysely(config.url);
    return {
      db,
      kind: 'postgres',
      location: redactUrl(config.url),
      url: config.url,
      close: () => db.destroy(),
    };
  }
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  const db = createSqliteKysely(file);
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface DatabaseInfo {
  kind: DatabaseKind;
  schemaVersion: string;
  migrations: number;
  synchronous: string | null;
  journalMode: string | null;
}

const SYNCHRONOUS_LEVELS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** What /health reports: the kind, the newest migration and, on SQLite, the durability pragmas. */
export async function describeDatabase(connection: Connection): Promise<DatabaseInfo> {
  const { db, kind } = connection;
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(db)
    .then((r) => r.rows)
    .catch((error: unknown) => {
      // No migration table yet is "none"; a database that does not answer is not.
      if (isDatabaseUnavailable(error) || isStorageFull(error)) throw error;
      return [] as { name: string }[];
    });
  let synchronous: string | null = null;
  let journalMode: string | null = null;
  if (kind === 'sqlite') {
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    const level = sync.rows[0]?.synchronous ?? -1;
    synchronous = SYNCHRONOUS_LEVELS[level] ?? String(level);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    journalMode = journal.rows[0]?.journal_mode?.toUpperCase() ?? null;
  }
  return {
    kind,
    schemaVersion: applied.at(-1)?.name ?? 'none',
    migrations: applied.length,
    synchronous,
    journalMode,
  };
}
