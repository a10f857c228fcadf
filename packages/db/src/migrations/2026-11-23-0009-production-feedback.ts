/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * Production feedback: the model's predictions, the operators' decisions and the outcomes,
 * each unique on its natural key so a re-sent row replaces the stored one (upsert).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('predictions')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('class', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('predictions_pk', ['project_id', 'period', 'entity', 'model_version'])
    .addCheckConstraint('predictions_value_ck', sql`score is not null or class is not null`)
    .execute();
  await db.schema
    .createTable('operator_decisions')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    // '' when the decision names no model version.
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('acted', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('operator_decisions_pk', [
      'project_id',
      'period',
      'entity',
      'model_version',
    ])
    .addCheckConstraint('operator_decisions_acted_ck', sql`acted in (0, 1)`)
    .execute();
  await db.schema
    .createTable('outcomes')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outcomes_pk', ['project_id', 'time', 'entity', 'event'])
    .execute();
  // The primary keys lead with (project_id, period|time): per-project, per-period reads
  // are range scans on them; no further index is needed.
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
