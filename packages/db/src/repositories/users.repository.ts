import { sql } from 'kysely';
import type { Executor, PageRequest, PageResult } from './executor.js';
import { decodeCursor, toBool, toPage } from './executor.js';
import { newId } from '../ids.js';
import type { UsersTable } from '../schema.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
  passwordChangedAt: string;
  /** The last successful sign-in; null when the person never signed in. */
  lastSignInAt: string | null;
  /** When a workspace admin deactivated the account; null while it is active. */
  deactivatedAt: string | null;
}

/** How the people page orders its list. */
export type PeopleSort = 'name' | 'email' | 'lastSignIn' | 'created';

/** A team a person belongs to, with their role there. */
export interface UserTeamRecord {
  userId: string;
  teamId: string;
  teamName: string;
  role: string;
}

export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

const toUser = (row: UsersTable): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: toBool(row.is_admin),
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
  lastSignInAt: row.last_sign_in_at,
  deactivatedAt: row.deactivated_at,
});

export class UserRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    email: string;
    name: string;
    passwordHash: string;
    isAdmin: boolean;
    now: string;
  }): Promise<UserRecord> {
    const row: UsersTable = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      is_admin: input.isAdmin ? 1 : 0,
      created_at: input.now,
      updated_at: input.now,
      password_changed_at: input.now,
      last_sign_in_at: null,
      deactivated_at: null,
    };
    await this.db.insertInto('users').values(row).execute();
    return toUser(row);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findCredentials(email: string): Promise<UserCredentials | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async findCredentialsById(id: string): Promise<UserCredentials | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(page: PageRequest): Promise<PageResult<UserRecord>> {
    const after = decodeCursor(page.cursor);
    let query = this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit + 1);
    if (after) query = query.where('id', '<', after);
    return toPage((await query.execute()).map(toUser), page.limit);
  }

  async setPassword(id: string, passwordHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /**
   * One page of the people list, filtered by a piece of name or email (case-insensitive) and
   * ordered by `sort`; the page is an offset, which is fine for a workspace's people.
   */
  async search(input: {
    q: string | undefined;
    sort: PeopleSort;
    limit: number;
    offset: number;
  }): Promise<{ items: UserRecord[]; more: boolean }> {
    let query = this.db.selectFrom('users').selectAll();
    const q = input.q?.trim().toLowerCase();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(email)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    if (input.sort === 'name') query = query.orderBy(sql`lower(name)`).orderBy('id');
    else if (input.sort === 'email') query = query.orderBy('email').orderBy('id');
    else if (input.sort === 'created') query = query.orderBy('id', 'desc');
    else {
      // Most recent sign-in first; never signed in last, on both databases.
      query = query
        .orderBy(sql`case when last_sign_in_at is null then 1 else 0 end`)
        .orderBy('last_sign_in_at', 'desc')
        .orderBy('id');
    }
    const rows = await query
      .limit(input.limit + 1)
      .offset(input.offset)
      .execute();
    return { items: rows.slice(0, input.limit).map(toUser), more: rows.length > input.limit };
  }

  /** The teams of these people, with their role in each, ordered by team name. */
  async teamsOf(userIds: string[]): Promise<UserTeamRecord[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select([
        'team_members.user_id as userId',
        'teams.id as teamId',
        'teams.name as teamName',
        'team_members.role as role',
      ])
      .where('team_members.user_id', 'in', userIds)
      .orderBy('teams.name')
      .orderBy('teams.id')
      .execute();
    return rows;
  }

  async recordSignIn(id: string, now: string): Promise<void> {
    await this.db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', id).execute();
  }

  /** Marks the account deactivated (or active again with `at` null). */
  async setDeactivated(id: string, at: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ deactivated_at: at, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** The active workspace admins, by name (told when a workspace endpoint is disabled). */
  async listActiveAdmins(): Promise<UserRecord[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('is_admin', '=', 1)
      .where('deactivated_at', 'is', null)
      .orderBy('name')
      .execute();
    return rows.map(toUser);
  }

  /** How many workspace admins are active. */
  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_admin', '=', 1)
      .where('deactivated_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setProfile(id: string, input: { name: string; email: string }, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ name: input.name, email: input.email, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}
