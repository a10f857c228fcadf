import type { Executor } from './executor.js';
import { compiledInsert } from './compiled-insert.js';

const insertKeys = compiledInsert('idempotency_keys', [
  'scope',
  'key',
  'request_hash',
  'status',
  'response',
  'created_at',
  'expires_at',
]);

/** Keys per statement in the many-key forms: 7 columns × 100 rows is well inside SQLite's limit. */
const KEY_CHUNK = 100;

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

  /**
   * Many keys of one scope at once (a group of concurrent posts), expired or not: the
   * caller judges expiry against each request's own instant.
   */
  async findMany(
    scope: string,
    keys: readonly string[],
  ): Promise<Map<string, StoredAnswer & { expiresAt: string }>> {
    const found = new Map<string, StoredAnswer & { expiresAt: string }>();
    for (let i = 0; i < keys.length; i += KEY_CHUNK) {
      const rows = await this.db
        .selectFrom('idempotency_keys')
        .select(['key', 'request_hash', 'status', 'response', 'expires_at'])
        .where('scope', '=', scope)
        .where('key', 'in', keys.slice(i, i + KEY_CHUNK))
        .execute();
      for (const row of rows) {
        found.set(row.key, {
          requestHash: row.request_hash,
          status: row.status,
          response: row.response,
          expiresAt: row.expires_at,
        });
      }
    }
    return found;
  }

  /**
   * `save` for many fresh keys of one scope in few statements. Inserts only: a key already
   * stored, even expired, fails the statement with a unique violation, and the caller goes
   * through `save` (which replaces an expired row) for each key instead. Reusing a key
   * after it expired is rare; looking for expired rows on every group was not free.
   */
  async saveMany(
    scope: string,
    rows: readonly {
      key: string;
      requestHash: string;
      status: number;
      response: string;
      now: string;
      expiresAt: string;
    }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += KEY_CHUNK) {
      const chunk = rows.slice(i, i + KEY_CHUNK);
      await insertKeys(
        this.db,
        chunk.map((row) => ({
          scope,
          key: row.key,
          request_hash: row.requestHash,
          status: row.status,
          response: row.response,
          created_at: row.now,
          expires_at: row.expiresAt,
        })),
      );
    }
  }

  async purgeExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
