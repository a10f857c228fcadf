import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A database handle or an open transaction: repositories work on either. */
export type Executor = Kysely<Database>;

/** Ids are UUIDv7, so "newest first" is "id descending" and the cursor is the last id seen. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Rows were fetched with limit + 1: the extra row, if any, says there is a next page, whose
 * cursor is the last item's (its id unless the listing orders by more).
 */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string = (last) => encodeCursor(last.id),
): PageResult<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

export const toBool = (value: number | boolean): boolean => value === 1 || value === true;

/** A person joined in by id (creator, poster, decider…): null when unset or gone. */
export function personRef(
  id: string | null,
  name: string | null,
  email: string | null,
): { id: string; name: string; email: string } | null {
  return id && name !== null && email !== null ? { id, name, email } : null;
}

/** The CI job a run or a deployment came from, from its three columns; null when any is unset. */
export function ciJobOf(row: {
  ci_provider: string | null;
  ci_job_id: string | null;
  ci_job_url: string | null;
}): { provider: string; jobId: string; jobUrl: string } | null {
  return row.ci_provider && row.ci_job_id && row.ci_job_url
    ? { provider: row.ci_provider, jobId: row.ci_job_id, jobUrl: row.ci_job_url }
    : null;
}
