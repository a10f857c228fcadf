import { Migrator } from 'kysely';
import { Logger, runMigrations } from 'graphile-worker';
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
  if (connection.kind === 'postgres' && connection.url) {
    // The job queue's own schema (graphile_worker), which `repos.jobs.enqueue` writes into
    // inside the caller's transaction; graphile-worker migrates it under its own lock.
    await runMigrations({ connectionString: connection.url, logger: SILENT_LOGGER });
  }
  const names = Object.keys(MIGRATIONS);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    latest: names.at(-1) ?? 'none',
  };
}

/** graphile-worker logs through this; the server reports what matters itself. */
export const SILENT_LOGGER = new Logger(() => () => undefined);
