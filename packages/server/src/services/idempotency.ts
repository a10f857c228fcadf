import { AppError, IDEMPOTENCY_TTL_HOURS } from '@sextant/core';
import { isUniqueViolation, type Repositories, type Store } from '@sextant/db';
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

/** What the stored key remembers of the request: same key with another request is refused. */
export function requestHash(fingerprint: unknown): string {
  return sha256Hex(JSON.stringify(fingerprint));
}

const expiryOf = (now: Date) =>
  new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();

/**
 * The answer stored under this request's key, as a replay; undefined when the key is unused
 * (or expired, or absent). A key stored for another request is refused (422).
 */
export async function storedAnswer<T>(
  repos: Repositories,
  request: IdempotencyRequest,
  now: Date,
): Promise<Answer<T> | undefined> {
  if (request.key === null) return undefined;
  const stored = await repos.idempotency.find(request.scope, request.key, now.toISOString());
  return stored && replay<T>(stored, requestHash(request.fingerprint), request.key);
}

/** Stores the answer under the request's key (if it has one), in the caller's transaction. */
export async function saveAnswer<T>(
  repos: Repositories,
  request: IdempotencyRequest,
  now: Date,
  answer: { status: number; body: T },
): Promise<void> {
  if (request.key === null) return;
  await repos.idempotency.save({
    scope: request.scope,
    key: request.key,
    requestHash: requestHash(request.fingerprint),
    status: answer.status,
    response: JSON.stringify(answer.body),
    now: now.toISOString(),
    expiresAt: expiryOf(now),
  });
}

/** The key was used, but long enough ago to be used again: `saveAnswer` replaces it. */
export const EXPIRED = 'expired';

/**
 * `storedAnswer` for a group of requests in few statements: for each, its replay, the
 * refusal of a reused key, EXPIRED for a key to be written again (through `saveAnswer`, as
 * `saveAnswers` only inserts fresh keys), or undefined when it is to be written.
 */
export async function storedAnswers<T>(
  repos: Repositories,
  requests: readonly { request: IdempotencyRequest; now: Date }[],
): Promise<(Answer<T> | { error: AppError } | typeof EXPIRED | undefined)[]> {
  const keysByScope = new Map<string, string[]>();
  for (const { request } of requests) {
    if (request.key === null) continue;
    const keys = keysByScope.get(request.scope) ?? [];
    keys.push(request.key);
    keysByScope.set(request.scope, keys);
  }
  const found = new Map<string, Awaited<ReturnType<Repositories['idempotency']['findMany']>>>();
  for (const [scope, keys] of keysByScope) {
    found.set(scope, await repos.idempotency.findMany(scope, keys));
  }
  return requests.map(({ request, now }) => {
    if (request.key === null) return undefined;
    const stored = found.get(request.scope)?.get(request.key);
    if (!stored) return undefined;
    if (stored.expiresAt <= now.toISOString()) return EXPIRED;
    try {
      return replay<T>(stored, requestHash(request.fingerprint), request.key);
    } catch (error) {
      return { error: error as AppError };
    }
  });
}

/** `saveAnswer` for a group of fresh keys (none stored, even expired), in few statements. */
export async function saveAnswers<T>(
  repos: Repositories,
  entries: readonly {
    request: IdempotencyRequest;
    now: Date;
    answer: { status: number; body: T };
  }[],
): Promise<void> {
  const byScope = new Map<
    string,
    Parameters<Repositories['idempotency']['saveMany']>[1][number][]
  >();
  for (const { request, now, answer } of entries) {
    if (request.key === null) continue;
    const rows = byScope.get(request.scope) ?? [];
    rows.push({
      key: request.key,
      requestHash: requestHash(request.fingerprint),
      status: answer.status,
      response: JSON.stringify(answer.body),
      now: now.toISOString(),
      expiresAt: expiryOf(now),
    });
    byScope.set(request.scope, rows);
  }
  for (const [scope, rows] of byScope) await repos.idempotency.saveMany(scope, rows);
}

/**
 * Runs a write at most once per key: the answer is stored in the same transaction as the
 * write, so a replay returns exactly what the first request got, and a crash leaves either
 * both or neither. Two concurrent requests with one key: the loser's insert of the key
 * fails, its transaction rolls back, and it replays the winner's answer.
 */
export async function idempotent<T>(
  store: Pick<Store, 'transaction'>,
  request: IdempotencyRequest,
  now: Date,
  work: (repos: Repositories) => Promise<{ status: number; body: T }>,
): Promise<Answer<T>> {
  const attempt = () =>
    store.transaction(async (repos): Promise<Answer<T>> => {
      const stored = await storedAnswer<T>(repos, request, now);
      if (stored) return stored;
      const answer = await work(repos);
      await saveAnswer(repos, request, now, answer);
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
