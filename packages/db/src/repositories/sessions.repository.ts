import type { Executor } from './executor.js';
import type { SessionsTable } from '../schema.js';

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfHash: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

const toSession = (row: SessionsTable): SessionRecord => ({
  idHash: row.id_hash,
  userId: row.user_id,
  csrfHash: row.csrf_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
});

export class SessionRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    idHash: string;
    userId: string;
    csrfHash: string;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: input.idHash,
        user_id: input.userId,
        csrf_hash: input.csrfHash,
        created_at: input.now,
        expires_at: input.expiresAt,
        last_seen_at: input.now,
        revoked_at: null,
        ip: input.ip,
        user_agent: input.userAgent,
      })
      .execute();
  }

  /** The session if it exists, is not revoked and has not expired at `now`. */
  async findActive(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async touch(idHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async revoke(idHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('id_hash', '=', idHash)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every live session of a user; returns how many were ended. */
  async revokeAllForUser(userId: string, now: string): Promise<number> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async countActiveForUser(userId: string, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
