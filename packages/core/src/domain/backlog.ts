/**
 * The improvement backlog of error analysis: what was seen in the largest errors, the
 * change proposed, its effort and expected impact, ordered simplest first.
 */

export const BACKLOG_STATUSES = ['idea', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

/** Statuses of ideas still to act on; `done` and `dropped` are closed. */
export const OPEN_BACKLOG_STATUSES = [
  'idea',
  'planned',
  'in_progress',
] as const satisfies readonly BacklogStatus[];

export const EFFORT_SIZES = ['S', 'M', 'L'] as const;
export type EffortSize = (typeof EFFORT_SIZES)[number];

/** An effort estimate: a T-shirt size or a number of working days. */
export type Effort = { size: EffortSize } | { days: number };

/** Estimates in days run from half a day to a year. */
export const EFFORT_DAYS_RANGE = { min: 0.5, max: 365 } as const;

/** Effort rule: S counts as 1 day, M as 3 days, L as 8 days; an estimate in days counts as given. */
export const EFFORT_SIZE_DAYS: Readonly<Record<EffortSize, number>> = { S: 1, M: 3, L: 8 };

/** The effort in days, so sizes and day estimates compare on one scale. */
export function effortDays(effort: Effort): number {
  return 'size' in effort ? EFFORT_SIZE_DAYS[effort.size] : effort.days;
}

export function isOpenBacklogStatus(status: BacklogStatus): boolean {
  return (OPEN_BACKLOG_STATUSES as readonly BacklogStatus[]).includes(status);
}

/** What ordering needs of an item. Expected impact stays free text, so it does not take part. */
export interface OrderableBacklogItem {
  id: string;
  status: BacklogStatus;
  effort: Effort;
  createdAt: string;
}

export const BACKLOG_ORDER_RULE =
  'Simplest first: open ideas (idea, planned, in progress) before closed ones (done, dropped), ' +
  'then by effort in days (S = 1, M = 3, L = 8), then oldest first.';

/**
 * Order rule: open items before closed ones, then by effort in days ascending, then by
 * creation (oldest first; ids are time-ordered, so they settle equal instants).
 */
export function orderBacklog<T extends OrderableBacklogItem>(items: readonly T[]): T[] {
  const rank = (item: T) => (isOpenBacklogStatus(item.status) ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      effortDays(a.effort) - effortDays(b.effort) ||
      compareText(a.createdAt, b.createdAt) ||
      compareText(a.id, b.id),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first `n` open items in backlog order: what a sprint review shows as next steps. */
export function topOpenBacklog<T extends OrderableBacklogItem>(
  items: readonly T[],
  n: number,
): T[] {
  return orderBacklog(items)
    .filter((item) => isOpenBacklogStatus(item.status))
    .slice(0, Math.max(0, n));
}
