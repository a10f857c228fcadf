/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import type { Kysely } from 'kysely';

/**
 * Sponsor links: a read-only link to one project's sponsor view, stored as the SHA-256 of
 * its 256-bit secret, with an expiry, a revocation and the time it was last used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sponsor_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('sponsor_links_project_idx')
    .on('sponsor_links')
    .column('project_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
