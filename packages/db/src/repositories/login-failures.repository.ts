import type { Executor } from './executor.js';
import { newId } from '../ids.js';

export interface FailureWindow {
  count: number;
  /** The oldest failure inside the window: the window frees up when it ages out. */
  oldest: string | null;
}

/** Failed logins live in the database so throttling holds across several servers. */
export class LoginFailureRepository {
  constructor(private readonly db: Executor) {}

  async record(email: string, ip: string, now: string): Promise<void> {
    await this.db
      .insertInto('login_failures')
      .values({ id: newId(), email, ip, at: now })
      .execute();
  }

  async sinceForEmail(email: string, since: string): Promise<FailureWindow> {
    return this.window('email', email, since);
  }

  async sinceForIp(ip: string, since: string): Promise<FailureWindow> {
    return this.window('ip', ip, since);
  }

  private async window(
    column: 'email' | 'ip',
    value: string,
    since: string,
  ): Promise<FailureWindow> {
    const row = await this.db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where(column, '=', value)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
  }

  async clearForEmail(email: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('email', '=', email).execute();
  }

  async pruneBefore(before: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('at', '<=', before).execute();
  }
}
