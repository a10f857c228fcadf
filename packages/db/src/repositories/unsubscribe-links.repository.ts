import type { Executor } from './executor.js';

/** A one-click unsubscribe link as the API reads it (its secret only as a hash). */
export interface UnsubscribeLinkRecord {
  tokenHash: string;
  userId: string;
  userEmail: string;
  /** Null: every email Sextant sends this person. */
  projectId: string | null;
  projectName: string | null;
  createdAt: string;
  usedAt: string | null;
}

/** Unsubscribe links looked up by the public page: by hash, stamped when used. */
export class UnsubscribeLinkRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    tokenHash: string;
    userId: string;
    projectId: string | null;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('notification_unsubscribes')
      .values({
        token_hash: input.tokenHash,
        user_id: input.userId,
        project_id: input.projectId,
        created_at: input.now,
        used_at: null,
      })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<UnsubscribeLinkRecord | null> {
    const row = await this.db
      .selectFrom('notification_unsubscribes')
      .innerJoin('users', 'users.id', 'notification_unsubscribes.user_id')
      .leftJoin('projects', 'projects.id', 'notification_unsubscribes.project_id')
      .selectAll('notification_unsubscribes')
      .select(['users.email as user_email', 'projects.name as project_name'])
      .where('notification_unsubscribes.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      tokenHash: row.token_hash,
      userId: row.user_id,
      userEmail: row.user_email,
      projectId: row.project_id,
      projectName: row.project_name,
      createdAt: row.created_at,
      usedAt: row.used_at,
    };
  }

  /** Stamps the first use only. */
  async markUsed(tokenHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('notification_unsubscribes')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .execute();
  }
}
