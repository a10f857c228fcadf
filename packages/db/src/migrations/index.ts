import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-23-0001-foundation.js';
import * as sprints from './2026-11-23-0002-sprints.js';

/**
 * Append-only list, in order. Never edit or remove an entry once it has landed on main:
 * add a new file and a new line instead. The same list runs on SQLite and PostgreSQL.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-foundation': foundation,
  '2026-11-23-0002-sprints': sprints,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
