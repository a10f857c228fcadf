/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import type { Kysely } from 'kysely';

/**
 * Invitations to a team: a one-time link (stored as the SHA-256 of its 256-bit secret) that
 * lets a person create an account, or join with the one they have, with a role. The role has
 * no check constraint here: the team roles' list lives in core, and team_members checks it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('invitations_team_idx')
    .on('invitations')
    .columns(['team_id', 'email'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
