/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * Measurements of a business goal's own metric (downtime hours, churn %), as a person or a
 * CI token reports them, with provenance like runs: the goal's progress and pace run on them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goal_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('token_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('goal_measurements_provenance_ck', sql`provenance in ('ci', 'manual')`)
    .execute();
  await db.schema
    .createIndex('goal_measurements_goal_idx')
    .on('goal_measurements')
    .columns(['goal_id', 'measured_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
