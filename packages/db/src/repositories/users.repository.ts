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
}
