import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '@sextant/db';
import { CliError } from './cli-error.js';

/** The database an admin command works on, as the server would open it (same env). */
export interface DatabaseTarget {
  kind: 'sqlite' | 'postgres';
  /** For people: the SQLite file, or PostgreSQL's host and database; never a password. */
  description: string;
  /** The SQLite file; null on PostgreSQL. */
  sqliteFile: string | null;
}

/**
 * Which database `SEXTANT_DATA_DIR` / `DATABASE_URL` name (`databaseUrl` wins when set);
 * `sqliteFileName` is the db package's (passed in: that package loads only when needed).
 */
export function databaseTarget(
  config: { dataDir: string; databaseUrl: string | undefined },
  sqliteFileName: string,
): DatabaseTarget {
  if (config.databaseUrl) {
    let description = 'PostgreSQL (DATABASE_URL)';
    try {
      const url = new URL(config.databaseUrl);
      const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default)';
      const user = url.username ? ` as ${decodeURIComponent(url.username)}` : '';
      description = `PostgreSQL database "${database}" on ${url.host || 'localhost'}${user}`;
    } catch {
      // openConnection refuses a URL it cannot use, with its own message.
    }
    return { kind: 'postgres', description, sqliteFile: null };
  }
  const file = join(config.dataDir, sqliteFileName);
  return { kind: 'sqlite', description: `SQLite ${file}`, sqliteFile: file };
}

/** Says on stderr which database the command uses (stdout stays the command's answer). */
export function announceDatabase(target: DatabaseTarget): void {
  process.stderr.write(`sextant: database: ${target.description}\n`);
}

/** What to do about a missing or empty database, in the words of the env the server reads. */
function whatToSet(target: DatabaseTarget): string {
  return target.kind === 'sqlite'
    ? 'set SEXTANT_DATA_DIR to the folder of the server’s sextant.db (or DATABASE_URL=postgres://… ' +
        'for PostgreSQL), or create it with `sextant migrate` (`sextant serve` does it too)'
    : 'set DATABASE_URL to the server’s database (without it, SQLite in SEXTANT_DATA_DIR is used), ' +
        'or create the schema with `sextant migrate` (`sextant serve` does it too)';
}

/**
 * Before `user` and `token` touch anything: the database must exist with Sextant's schema.
 * Opening a missing SQLite file would create an empty one (and then answer "no account
 * with email …"); this refuses instead, saying what to set. Call before opening SQLite.
 */
export function refuseMissingSqlite(target: DatabaseTarget): void {
  if (target.sqliteFile && !existsSync(target.sqliteFile)) {
    throw new CliError(`no Sextant database at ${target.sqliteFile}: ${whatToSet(target)}`);
  }
}

/** The database exists but Sextant never migrated it (a new PostgreSQL database, an empty file). */
export async function refuseUnmigrated(
  target: DatabaseTarget,
  connection: Connection,
): Promise<void> {
  let tables: { name: string }[];
  try {
    tables = await connection.db.introspection.getTables({ withInternalKyselyTables: true });
  } catch (error) {
    // The first query: a database that does not exist, a server that does not answer.
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `${target.description} cannot be read (${reason}): check DATABASE_URL (without it, ` +
        'SQLite in SEXTANT_DATA_DIR is used); the database must exist, then `sextant migrate` ' +
        'creates the schema',
    );
  }
  if (!tables.some((t) => t.name === 'kysely_migration')) {
    throw new CliError(`${target.description} has no Sextant schema: ${whatToSet(target)}`);
  }
}
