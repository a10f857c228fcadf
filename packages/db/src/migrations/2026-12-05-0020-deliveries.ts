/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import type { Kysely } from 'kysely';

/**
 * Unsubscribe links say what they stop: a project's event emails (`events`) or its weekly
 * sponsor digest (`weekly`), so one click in a digest leaves the alerts alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notification_unsubscribes')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('events'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
