/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const ROLES_CHECK = sql`role in ('admin', 'member', 'operator', 'viewer')`;

/**
 * The team role `operator`: the person who acts on the predictions and records why. The
 * team_members check constraint gains it. SQLite cannot alter a CHECK constraint, so there the
 * table is rebuilt with the same columns, key and index, inside the migration's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table team_members drop constraint team_members_role_ck`.execute(db);
    await sql`alter table team_members add constraint team_members_role_ck check (${ROLES_CHECK})`.execute(
      db,
    );
    return;
  }
  await db.schema
    .createTable('team_members_next')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .addCheckConstraint('team_members_role_ck', ROLES_CHECK)
    .execute();
  await sql`insert into team_members_next (team_id, user_id, role, created_at)
    select team_id, user_id, role, created_at from team_members`.execute(db);
  await db.schema.dropTable('team_members').execute();
  await sql`alter table team_members_next rename to team_members`.execute(db);
  await db.schema
    .createIndex('team_members_user_idx')
    .on('team_members')
    .column('user_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
