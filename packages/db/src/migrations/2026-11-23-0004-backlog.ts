/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/** The improvement backlog of error analysis, optionally linked to the run that showed each idea. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backlog_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('observation', 'text', (c) => c.notNull())
    .addColumn('proposed_change', 'text', (c) => c.notNull())
    // Effort is a size (S/M/L) or a number of days: exactly one of the two columns is set.
    .addColumn('effort_size', 'text')
    .addColumn('effort_days', 'double precision')
    .addColumn('expected_impact', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('runs.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'backlog_items_status_ck',
      sql`status in ('idea', 'planned', 'in_progress', 'done', 'dropped')`,
    )
    .addCheckConstraint(
      'backlog_items_effort_ck',
      sql`(effort_size is null and effort_days is not null and effort_days >= 0.5 and effort_days <= 365)
        or (effort_days is null and effort_size is not null and effort_size in ('S', 'M', 'L'))`,
    )
    .execute();
  await db.schema
    .createIndex('backlog_items_project_idx')
    .on('backlog_items')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('backlog_items_run_idx')
    .on('backlog_items')
    .column('run_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
