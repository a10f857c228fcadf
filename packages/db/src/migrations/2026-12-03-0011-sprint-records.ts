/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { type Kysely } from 'kysely';

/**
 * A closed sprint's record: what its review and report showed at the close, kept as it was
 * (JSON text), so later runs and edits never change what the sponsor decided on. A decision
 * taken on a closed sprint names the record it was taken on (the record's `taken_at`). A run
 * keeps the note of the sprint it joined, and why.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sprint_records')
    .addColumn('sprint_id', 'text', (c) =>
      c.primaryKey().references('sprints.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('review_json', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('sprint_decisions').addColumn('record_taken_at', 'text').execute();
  // Which sprint a run joined and why, as the rule said when it arrived (null before this).
  await db.schema.alterTable('runs').addColumn('sprint_note', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
