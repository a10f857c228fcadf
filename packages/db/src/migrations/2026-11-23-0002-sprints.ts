/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/** Sprints, stories with frozen outcomes, and stored delivery warnings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sprints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('external_source', 'text')
    .addColumn('external_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sprints_number_uq', ['project_id', 'number'])
    .addCheckConstraint('sprints_state_ck', sql`state in ('planned', 'active', 'closed')`)
    .execute();
  await db.schema
    .createIndex('sprints_external_uq')
    .unique()
    .on('sprints')
    .columns(['project_id', 'external_source', 'external_key'])
    .execute();
  await db.schema
    .createIndex('sprints_project_start_idx')
    .on('sprints')
    .columns(['project_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deliverable_type', 'text', (c) => c.notNull())
    .addColumn('deliverable_description', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_after_start', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .addColumn('carried_from_id', 'text', (c) => c.references('stories.id').onDelete('set null'))
    .addColumn('corrected_at', 'text')
    .addColumn('corrected_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('correction_reason', 'text')
    .addColumn('external_source', 'text')
    .addColumn('external_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stories_status_ck', sql`status in ('todo', 'in_progress', 'done')`)
    .addCheckConstraint(
      'stories_outcome_ck',
      sql`outcome is null or outcome in ('delivered', 'not_delivered')`,
    )
    .execute();
  await db.schema
    .createIndex('stories_sprint_idx')
    .on('stories')
    .columns(['sprint_id', 'position'])
    .execute();
  await db.schema.createIndex('stories_project_idx').on('stories').column('project_id').execute();
  await db.schema
    .createIndex('stories_carried_from_idx')
    .on('stories')
    .column('carried_from_id')
    .execute();
  await db.schema
    .createIndex('stories_external_uq')
    .unique()
    .on('stories')
    .columns(['sprint_id', 'external_source', 'external_key'])
    .execute();

  await db.schema
    .createTable('delivery_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .execute();
  // At most one open warning per rule and subject; cleared ones stay as history.
  await db.schema
    .createIndex('delivery_warnings_open_uq')
    .unique()
    .on('delivery_warnings')
    .columns(['project_id', 'rule', 'subject_key'])
    .where(sql.ref('cleared_at'), 'is', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
