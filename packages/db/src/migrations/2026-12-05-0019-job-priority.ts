/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import type { Kysely } from 'kysely';

/**
 * Job priority on SQLite's queue, as graphile-worker has on PostgreSQL: lower runs first, so
 * the sends of events already fanned out go ahead of a burst of fan-outs still waiting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('job_queue')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('job_queue_priority_run_at_idx')
    .on('job_queue')
    .columns(['priority', 'run_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
