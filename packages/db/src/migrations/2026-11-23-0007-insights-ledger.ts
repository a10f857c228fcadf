/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * Actionable insights (KPI 5) and the ROI ledger (KPI 6). Money is stored as
 * `double precision` in the currency's major unit, rounded to 2 decimals (cents) by the
 * application, like every other amount in Sextant. Days are `YYYY-MM-DD` text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('insights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('business_area', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('estimated_value', 'double precision')
    .addColumn('currency', 'text')
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('implemented_at', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'insights_status_ck',
      sql`status in ('proposed', 'accepted', 'implemented', 'rejected')`,
    )
    // A value always says its currency; a currency without a value means nothing.
    .addCheckConstraint(
      'insights_value_ck',
      sql`(estimated_value is null and currency is null)
        or (estimated_value is not null and estimated_value >= 0 and currency is not null and length(currency) = 3)`,
    )
    .execute();
  await db.schema
    .createIndex('insights_project_idx')
    .on('insights')
    .columns(['project_id', 'id'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    // Set together for people costs given as days × rate; amount = people_days × day_rate.
    .addColumn('people_days', 'double precision')
    .addColumn('day_rate', 'double precision')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'ledger_entries_category_ck',
      sql`(kind = 'cost' and category in ('people', 'infrastructure', 'licences', 'other'))
        or (kind = 'return' and category in ('savings', 'revenue', 'avoided_loss', 'other'))`,
    )
    .addCheckConstraint('ledger_entries_amount_ck', sql`amount > 0`)
    .addCheckConstraint(
      'ledger_entries_days_ck',
      sql`(people_days is null and day_rate is null)
        or (category = 'people' and people_days > 0 and day_rate > 0)`,
    )
    .addCheckConstraint('ledger_entries_status_ck', sql`status in ('estimated', 'realized')`)
    .execute();
  await db.schema
    .createIndex('ledger_entries_project_idx')
    .on('ledger_entries')
    .columns(['project_id', 'date', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
