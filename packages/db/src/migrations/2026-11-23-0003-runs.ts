/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/** Pipeline runs with their provenance, baselines, sprint decisions and idempotency keys. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('sprint_id', 'text', (c) => c.references('sprints.id').onDelete('set null'))
    .addColumn('provenance', 'text', (c) => c.notNull())
    // Metrics and params are one JSON object each: a run is written and read as a whole.
    .addColumn('metrics', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('commit_sha', 'text', (c) => c.notNull())
    .addColumn('branch', 'text')
    .addColumn('dataset_version', 'text')
    .addColumn('evaluation_fingerprint', 'text')
    .addColumn('evaluation_strategy', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('ci_provider', 'text')
    .addColumn('ci_job_id', 'text')
    .addColumn('ci_job_url', 'text')
    .addColumn('token_id', 'text', (c) => c.references('api_tokens.id').onDelete('set null'))
    .addColumn('posted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('runs_provenance_ck', sql`provenance in ('ci', 'manual')`)
    .execute();
  await db.schema
    .createIndex('runs_project_idx')
    .on('runs')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('runs_sprint_idx')
    .on('runs')
    .columns(['sprint_id', 'provenance'])
    .execute();

  await db.schema
    .createTable('baselines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('metric_name', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('evaluation_fingerprint', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sprint_id', 'text', (c) => c.references('sprints.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('baselines_reason_ck', sql`reason in ('first_ci_run', 'sprint_close')`)
    .execute();
  await db.schema
    .createIndex('baselines_project_idx')
    .on('baselines')
    .columns(['project_id', 'id'])
    .execute();

  await db.schema
    .createTable('sprint_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('stage_from', 'text')
    .addColumn('stage_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'sprint_decisions_decision_ck',
      sql`decision in ('continue', 'objectives_met', 'drop')`,
    )
    .execute();
  await db.schema
    .createIndex('sprint_decisions_sprint_idx')
    .on('sprint_decisions')
    .columns(['sprint_id', 'id'])
    .execute();

  // Idempotency-Key answers, per caller (token or user), kept at least 24 h for replay.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
