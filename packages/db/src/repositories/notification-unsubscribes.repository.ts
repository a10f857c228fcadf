import type { Executor } from './executor.js';

export type UnsubscribeKind = 'events' | 'weekly';

export interface UnsubscribeRecord {
  tokenHash: string;
  userId: string;
  /** Null: every email Sextant sends this person. */
  projectId: string | null;
  /** `events`: the project's event emails; `weekly`: its weekly sponsor digest. */
  kind: UnsubscribeKind;
  createdAt: string;
  usedAt: string | null;
}

/** One-click unsubscribe links, kept as the SHA-256 of their secret token. */
export class NotificationUnsubscribeRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    tokenHash: string;
    userId: string;
    projectId: string | null;
    kind: UnsubscribeKind;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('notification_unsubscribes')
      .values({
        token_hash: input.tokenHash,
        user_id: input.userId,
        project_id: input.projectId,
        kind: input.kind,
        created_at: input.now,
        used_at: null,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<UnsubscribeRecord | null> {
    const row = await this.db
      .selectFrom('notification_unsubscribes')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          tokenHash: row.token_hash,
          userId: row.user_id,
          projectId: row.project_id,
          kind: row.kind as UnsubscribeKind,
          createdAt: row.created_at,
          usedAt: row.used_at,
        }
      : null;
  }

  /** Marks the link used (the first use's instant is kept: clicking twice is fine). */
  async markUsed(tokenHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('notification_unsubscribes')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .execute();
  }
}
