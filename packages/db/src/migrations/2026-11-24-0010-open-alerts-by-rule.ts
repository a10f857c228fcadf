/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * The portfolio reads the open alerts of a few rules across every visible project: by rule
 * first, that is a few short ranges instead of a seek per project and rule.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('delivery_warnings_open_rule_idx')
    .on('delivery_warnings')
    .columns(['rule', 'project_id'])
    .where(sql.ref('cleared_at'), 'is', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
