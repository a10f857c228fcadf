import { Migrator } from 'kysely';
import type { Connection } from './connect.js';
import { MIGRATIONS, migrationProvider } from './migrations/index.js';

export interface MigrationOutcome {
  applied: string[];
  latest: string;
}

/**
 * Brings the schema up to date. Safe to run from several servers at once: Kysely takes
 * a lock (a row lock on PostgreSQL, the single writer on SQLite) around the run.
 */
export async function migrateToLatest(connection: Connection): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db: connection.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed} failed: ${reason}`);
  }
  const names = Object.keys(MIGRATIONS);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    latest: names.at(-1) ?? 'none',
  };
}
