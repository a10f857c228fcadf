import { formatDayRangeText, formatDayText } from './date-format.js';
import { ISO_DATE } from './dates.js';

export const SPRINT_STATES = ['planned', 'active', 'closed'] as const;
export type SprintState = (typeof SPRINT_STATES)[number];

export const STORY_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STORY_OUTCOMES = ['delivered', 'not_delivered'] as const;
export type StoryOutcome = (typeof STORY_OUTCOMES)[number];

/** What a story hands over: the seed's rule is that every story has a tangible deliverable. */
export const DELIVERABLE_TYPES = [
  'dataset',
  'report',
  'model',
  'business_report',
  'pipeline',
  'other',
] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/**
 * A sprint lasts one to four weeks: from 5 calendar days (a working week, Monday to
 * Friday) to 28 (four calendar weeks), counting both its first and last day.
 * Two to three weeks is the norm, so that is what the UI suggests.
 */
export const SPRINT_LENGTH = { minDays: 5, maxDays: 28, suggestedDays: 14 } as const;

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a calendar date, the start of its ISO week (1970-01-01 was a Thursday). */
export function mondayOnOrBefore(date: string): string {
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return addDays(date, -weekday);
}

/** Calendar days from start to end, both included (Mon 5 → Fri 16 is 12). */
export function sprintLengthDays(startDate: string, endDate: string): number {
  return dayNumber(endDate) - dayNumber(startDate) + 1;
}

export type SprintDatesCheck = { ok: true; lengthDays: number } | { ok: false; message: string };

/** The length rule, with the reason when it is broken. */
export function checkSprintDates(startDate: string, endDate: string): SprintDatesCheck {
  if (!ISO_DATE.test(startDate) || !ISO_DATE.test(endDate)) {
    return { ok: false, message: 'startDate and endDate must be dates written YYYY-MM-DD.' };
  }
  const lengthDays = sprintLengthDays(startDate, endDate);
  if (lengthDays < 1) {
    return { ok: false, message: `endDate ${endDate} is before startDate ${startDate}.` };
  }
  const { minDays, maxDays } = SPRINT_LENGTH;
  if (lengthDays < minDays || lengthDays > maxDays) {
    return {
      ok: false,
      message:
        `A sprint lasts 1 to 4 weeks (${minDays} to ${maxDays} days, first and last day included); ` +
        `${startDate} to ${endDate} is ${lengthDays} day${lengthDays === 1 ? '' : 's'}. ` +
        'Two to three weeks is the norm.',
    };
  }
  return { ok: true, lengthDays };
}

export interface DateRange {
  startDate: string;
  endDate: string;
}

/** Two sprints overlap when they share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** At close, a story whose status is done was delivered; every other story was not. */
export function outcomeOf(status: StoryStatus): StoryOutcome {
  return status === 'done' ? 'delivered' : 'not_delivered';
}

/** What the sprint rules read of a sprint. */
export interface SprintDates {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  state: SprintState;
  closedAt: string | null;
}

/** The UTC day a closed sprint was closed on (its actual end), or null while it is open. */
export function closedOnDay(sprint: Pick<SprintDates, 'closedAt'>): string | null {
  return sprint.closedAt ? sprint.closedAt.slice(0, 10) : null;
}

/**
 * The days a sprint covers: its planned dates, or, closed before its planned end, up to the
 * close day. The next sprint may start the day after an early close.
 */
export function sprintSpan(sprint: SprintDates): { startDate: string; endDate: string } {
  const closed = closedOnDay(sprint);
  return {
    startDate: sprint.startDate,
    endDate: closed && closed < sprint.endDate ? closed : sprint.endDate,
  };
}

/**
 * The sprint a fact of `day` (a run's finish, or its arrival) joins when it is reported:
 * the open (planned or active) sprint whose dates hold the day. A closed sprint takes
 * nothing more, whatever its dates say: its record is what the sponsor decided on. The note
 * says which and why, for the API and the run page.
 */
export function sprintForDay(
  sprints: readonly SprintDates[],
  day: string,
): { sprintId: string | null; note: string } {
  const open = sprints.find((s) => s.state !== 'closed' && s.startDate <= day && day <= s.endDate);
  if (open) {
    return {
      sprintId: open.id,
      note: `Joined ${open.name}: its dates (${formatDayRangeText(open.startDate, open.endDate)}) hold ${formatDayText(day)}.`,
    };
  }
  const closed = sprints.find(
    (s) => s.state === 'closed' && s.startDate <= day && day <= s.endDate,
  );
  if (closed) {
    return {
      sprintId: null,
      note:
        `No sprint: ${closed.name} holds ${formatDayText(day)} but was closed on ${formatDayText(closedOnDay(closed) ?? '?')}, ` +
        'and a closed sprint takes no more runs (its record is final).',
    };
  }
  return { sprintId: null, note: `No sprint: no open sprint's dates hold ${formatDayText(day)}.` };
}
