/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/** Deployments posted by CD (or by hand), optionally linked to the run that built them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('version', 'text', (c) => c.notNull())
    // `production`, `staging` or any other short name; only production counts in the KPIs.
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('commit_sha', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('runs.id').onDelete('set null'))
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('ci_provider', 'text')
    .addColumn('ci_job_id', 'text')
    .addColumn('ci_job_url', 'text')
    .addColumn('token_id', 'text', (c) => c.references('api_tokens.id').onDelete('set null'))
    .addColumn('posted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'deployments_status_ck',
      sql`status in ('succeeded', 'failed', 'rolled_back')`,
    )
    .addCheckConstraint('deployments_provenance_ck', sql`provenance in ('ci', 'manual')`)
    .execute();
  await db.schema
    .createIndex('deployments_project_env_finished_idx')
    .on('deployments')
    .columns(['project_id', 'environment', 'finished_at'])
    .execute();
  await db.schema
    .createIndex('deployments_project_idx')
    .on('deployments')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema.createIndex('deployments_run_idx').on('deployments').column('run_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
