import type { Executor } from './executor.js';

export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: string;
}

/** Idempotency-Key answers per caller; written in the same transaction as the write they answer. */
export class IdempotencyRepository {
  constructor(private readonly db: Executor) {}

  async find(scope: string, key: string, now: string): Promise<StoredAnswer | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'response'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && { requestHash: row.request_hash, status: row.status, response: row.response };
  }

  /** An expired row under the same key is replaced. */
  async save(input: {
    scope: string;
    key: string;
    requestHash: string;
    status: number;
    response: string;
    now: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('scope', '=', input.scope)
      .where('key', '=', input.key)
      .where('expires_at', '<=', input.now)
      .execute();
    await this.db
      .insertInto('idempotency_keys')
      .values({
        scope: input.scope,
        key: input.key,
        request_hash: input.requestHash,
        status: input.status,
        response: input.response,
        created_at: input.now,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  async purgeExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
