import { afterAll, describe, expect, inject, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { MIGRATIONS, migrateToLatest, type Connection } from '@sextant/db';
import { DATABASE_KINDS } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const BEFORE = '2026-12-03-0012-goal-measurements';
const AT = '2026-01-01T00:00:00.000Z';

/** Migrations up to and including `name`, as a database of that day had them. */
function migratorUpTo(db: Kysely<unknown>, name: string) {
  const names = Object.keys(MIGRATIONS);
  const upTo = Object.fromEntries(
    names.slice(0, names.indexOf(name) + 1).map((n) => [n, MIGRATIONS[n]!]),
  );
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(upTo) } });
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(
    `the operator role's migration [${kind}]`,
    () => {
      let database: TestDatabase | undefined;
      let connection: Connection | undefined;
      afterAll(async () => {
        await connection?.close();
        await database?.drop();
      });

      it('keeps every membership, then takes operators and still refuses an unknown role', async () => {
        database = await createTestDatabase(kind);
        connection = database.connect();
        // Kysely<any> here as in the migrations: the rows are written to the schema of that day.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const db = connection.db as unknown as Kysely<any>;
        const before = await migratorUpTo(db, BEFORE).migrateToLatest();
        expect(before.error).toBeUndefined();
        const user = (id: string) => ({
          id,
          email: `${id}@example.test`,
          name: id,
          password_hash: 'x',
          is_admin: 0,
          created_at: AT,
          updated_at: AT,
          password_changed_at: AT,
        });
        await db
          .insertInto('users')
          .values([user('u1'), user('u2'), user('u3')])
          .execute();
        await db
          .insertInto('teams')
          .values({ id: 't1', name: 'Press line', created_at: AT })
          .execute();
        const member = (userId: string, role: string) => ({
          team_id: 't1',
          user_id: userId,
          role,
          created_at: AT,
        });
        await db
          .insertInto('team_members')
          .values([member('u1', 'admin'), member('u2', 'viewer')])
          .execute();
        await expect(
          db.insertInto('team_members').values(member('u3', 'operator')).execute(),
        ).rejects.toThrow();

        const outcome = await migrateToLatest(connection);
        expect(outcome.applied).toContain('2026-12-04-0016-operator-role');

        const rows = await db
          .selectFrom('team_members')
          .select(['user_id', 'role', 'created_at'])
          .orderBy('user_id')
          .execute();
        expect(rows).toEqual([
          { user_id: 'u1', role: 'admin', created_at: AT },
          { user_id: 'u2', role: 'viewer', created_at: AT },
        ]);
        await db.insertInto('team_members').values(member('u3', 'operator')).execute();
        await expect(
          db.insertInto('team_members').values(member('u3', 'owner')).execute(),
        ).rejects.toThrow();
        // The key and the foreign keys hold as before: no second row for a member, none for a
        // missing user, and a deleted team takes its members along.
        await expect(
          db.insertInto('team_members').values(member('u1', 'viewer')).execute(),
        ).rejects.toThrow();
        await expect(
          db.insertInto('team_members').values(member('nobody', 'viewer')).execute(),
        ).rejects.toThrow();
        await db.deleteFrom('teams').where('id', '=', 't1').execute();
        const left = await sql<{ n: number }>`select count(*) as n from team_members`.execute(db);
        expect(Number(left.rows[0]!.n)).toBe(0);
      });
    },
  );
}
