import { Migrator } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS, migrateToLatest } from '@sextant/db';
import { createTestDatabase } from '../support/databases.js';
import { DATABASE_KINDS } from '../support/harness.js';

const BEFORE = '2026-12-03-0012-goal-measurements';
const AT = '2026-11-18T10:00:00.000Z';

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(
    `the audit filters migration [${kind}]`,
    () => {
      it("gives existing events their project from the target, and the project's team when they had none", async () => {
        const database = await createTestDatabase(kind);
        const connection = database.connect();
        try {
          const { db } = connection;
          const migrator = new Migrator({
            db,
            provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
          });
          expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
          const ids = {
            user: '00000000-0000-7000-8000-000000000001',
            team: '00000000-0000-7000-8000-000000000002',
            project: '00000000-0000-7000-8000-000000000003',
            token: '00000000-0000-7000-8000-000000000004',
          };
          await db
            .insertInto('users')
            .values({
              id: ids.user,
              email: 'ada@example.test',
              name: 'Ada',
              password_hash: 'x',
              is_admin: 0,
              created_at: AT,
              updated_at: AT,
              password_changed_at: AT,
            })
            .execute();
          await db
            .insertInto('teams')
            .values({ id: ids.team, name: 'Reliability', created_at: AT, created_by: ids.user })
            .execute();
          await db
            .insertInto('projects')
            .values({
              id: ids.project,
              team_id: ids.team,
              name: 'Pumps',
              stage: 'scoping',
              scope_json: '{}',
              archived_at: null,
              created_by: ids.user,
              created_at: AT,
              updated_at: AT,
            })
            .execute();
          await db
            .insertInto('api_tokens')
            .values({
              id: ids.token,
              kind: 'ci',
              name: 'ci',
              token_hash: 'h',
              token_prefix: 'sxt_ci',
              user_id: ids.user,
              project_id: ids.project,
              created_at: AT,
              expires_at: null,
              revoked_at: null,
              last_used_at: null,
            })
            .execute();
          const event = (n: number, targetType: string | null, targetId: string | null) => ({
            id: `00000000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
            at: AT,
            action: 'test.old',
            actor_user_id: ids.user,
            actor_token_id: null,
            team_id: null,
            target_type: targetType,
            target_id: targetId,
            ip: null,
            details_json: '{}',
          });
          await db
            .insertInto('audit_events')
            .values([
              event(1, 'project', ids.project),
              event(2, 'token', ids.token),
              event(3, 'user', ids.user),
              event(4, 'sprint', '00000000-0000-7000-8000-00000000dead'),
              event(5, null, null),
            ])
            .execute();

          await migrateToLatest(connection);
          const rows = await db
            .selectFrom('audit_events')
            .select(['id', 'project_id', 'team_id'])
            .orderBy('id')
            .execute();
          expect(rows.map((r) => [r.project_id, r.team_id])).toEqual([
            [ids.project, ids.team],
            [ids.project, ids.team],
            [null, null],
            [null, null],
            [null, null],
          ]);
        } finally {
          await connection.close();
          await database.drop();
        }
      });
    },
  );
}
