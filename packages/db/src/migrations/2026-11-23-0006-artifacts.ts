/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/** Reusable artifacts a project produced, and each reuse of one by another project. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('artifacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('artifacts_project_name_uq', ['project_id', 'name'])
    .addCheckConstraint(
      'artifacts_kind_ck',
      sql`kind in ('dataset', 'tool', 'framework', 'model', 'feature_pipeline', 'template', 'other')`,
    )
    .execute();

  await db.schema
    .createTable('artifact_reuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('artifact_id', 'text', (c) =>
      c.notNull().references('artifacts.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('reused_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reused_at', 'text', (c) => c.notNull())
    // One project may reuse one artifact for several purposes, but not record one purpose twice.
    .addUniqueConstraint('artifact_reuses_uq', ['artifact_id', 'project_id', 'purpose'])
    .execute();
  await db.schema
    .createIndex('artifact_reuses_project_idx')
    .on('artifact_reuses')
    .column('project_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
