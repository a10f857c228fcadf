import { AppError, IDEMPOTENCY_TTL_HOURS } from '@sextant/core';
import type { Repositories, Store } from '@sextant/db';
import { sha256Hex } from '../security/secrets.js';

export interface Answer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotencyRequest {
  /** Whose keys these are: one token, or one person's browser sessions. */
  scope: string;
  /** The Idempotency-Key header, or null when the caller sent none. */
  key: string | null;
  /** The request as parsed (method + path + body): same key and other request is refused. */
  fingerprint: unknown;
}

const UNIQUE_VIOLATIONS = new Set([
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_UNIQUE',
  '23505',
]);

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATIONS.has(code);
}

/**
 * Runs a write at most once per key: the answer is stored in the same transaction as the
 * write, so a replay returns exactly what the first request got, and a crash leaves either
 * both or neither. Two concurrent requests with one key: the loser's insert of the key
 * fails, its transaction rolls back, and it replays the winner's answer.
 */
export async function idempotent<T>(
  store: Store,
  request: IdempotencyRequest,
  now: Date,
  work: (repos: Repositories) => Promise<{ status: number; body: T }>,
): Promise<Answer<T>> {
  const hash = sha256Hex(JSON.stringify(request.fingerprint));
  const at = now.toISOString();
  const attempt = () =>
    store.transaction(async (repos): Promise<Answer<T>> => {
      if (request.key !== null) {
        const stored = await repos.idempotency.find(request.scope, request.key, at);
        if (stored) return replay<T>(stored, hash, request.key);
      }
      const answer = await work(repos);
      if (request.key !== null) {
        await repos.idempotency.save({
          scope: request.scope,
          key: request.key,
          requestHash: hash,
          status: answer.status,
          response: JSON.stringify(answer.body),
          now: at,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString(),
        });
      }
      return { ...answer, replayed: false };
    });
  try {
    return await attempt();
  } catch (error) {
    if (request.key === null || !isUniqueViolation(error)) throw error;
    return attempt();
  }
}

function replay<T>(
  stored: { requestHash: string; status: number; response: string },
  hash: string,
  key: string,
): Answer<T> {
  if (stored.requestHash !== hash) {
    throw new AppError(
      'idempotency_key_reused',
      `Idempotency-Key "${key}" was already used for a different request; use a new key for a new run.`,
      { field: 'Idempotency-Key' },
    );
  }
  return { status: stored.status, body: JSON.parse(stored.response) as T, replayed: true };
}
