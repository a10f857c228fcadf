/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import type { Kysely } from 'kysely';

/**
 * Indexes the portfolio reads by: runs counted per project and provenance, and each
 * project's production deployments by status and finish (the last success is one seek).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('runs_project_provenance_idx')
    .on('runs')
    .columns(['project_id', 'provenance'])
    .execute();
  await db.schema
    .createIndex('deployments_project_status_idx')
    .on('deployments')
    .columns(['project_id', 'environment', 'status', 'finished_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
