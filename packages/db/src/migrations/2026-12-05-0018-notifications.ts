/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * Notifications: the events a write records in its own transaction, the endpoints
 * (webhooks, Slack, Teams) and people's subscriptions they go to, one delivery row per
 * (destination, event) with its attempts, one-click unsubscribe links (hashed), the job
 * table the SQLite worker reads (PostgreSQL uses graphile-worker's own schema), and the
 * schedules (weekly digest, daily digest) that fire once across servers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_events_project_idx')
    .on('notification_events')
    .columns(['project_id', 'id'])
    .execute();

  await db.schema
    .createTable('notification_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: a workspace endpoint (every project), made by a workspace admin.
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('webhook', 'slack', 'teams')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // A JSON array of event types; empty means every event.
    .addColumn('events', 'text', (c) => c.notNull())
    // Signs each delivery, so it is kept as given; it is shown once, at creation.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('disabled_reason', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('last_success_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_endpoints_project_idx')
    .on('notification_endpoints')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('notification_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    // A JSON array of event types; empty means every event.
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('instant', 'daily', 'off')`))
    .addColumn('weekly_digest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_subscriptions_user_project_key', ['user_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('notification_subscriptions_project_idx')
    .on('notification_subscriptions')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) =>
      c.references('notification_endpoints.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('webhook', 'slack', 'teams', 'email')`),
    )
    .addColumn('event_id', 'text', (c) =>
      c.references('notification_events.id').onDelete('cascade'),
    )
    // Once per destination and event (or digest period): a second fan-out writes nothing.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'retrying', 'succeeded', 'failed', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_deliveries_endpoint_idx')
    .on('notification_deliveries')
    .columns(['endpoint_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_user_idx')
    .on('notification_deliveries')
    .columns(['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('notification_unsubscribes')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Null: every email Sextant sends this person.
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('job_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('job_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_queue_run_at_idx').on('job_queue').column('run_at').execute();

  await db.schema
    .createTable('schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('last_fired_at', 'text')
    .addColumn('last_fired_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
