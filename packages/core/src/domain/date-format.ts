/**
 * One way to write dates in text, charts and reports: `2 Dec 2026`, and ranges such as
 * `3 – 14 Mar 2026`. Calendar days (`YYYY-MM-DD`) are never shifted by a time zone; an
 * instant is written as the calendar day of `timeZone` (UTC unless given, so the server
 * and a PDF say the same thing on every machine).
 */
import { ISO_DATE } from './dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface DayParts {
  year: number;
  month: number;
  day: number;
}

function dayParts(value: string, timeZone: string): DayParts | null {
  if (ISO_DATE.test(value)) {
    return {
      year: Number(value.slice(0, 4)),
      month: Number(value.slice(5, 7)),
      day: Number(value.slice(8, 10)),
    };
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const dayMonth = (p: DayParts) => `${p.day} ${MONTHS[p.month - 1] ?? '?'}`;

/** `2026-12-02` → `2 Dec 2026`; an instant → its day in `timeZone`; unreadable text as it is. */
export function formatDayText(value: string, timeZone = 'UTC'): string {
  const p = dayParts(value, timeZone);
  return p ? `${dayMonth(p)} ${p.year}` : value;
}

/** `2026-12-02` → `2 Dec`: for chart axes where the year is said once elsewhere. */
export function formatDayShort(value: string, timeZone = 'UTC'): string {
  const p = dayParts(value, timeZone);
  return p ? dayMonth(p) : value;
}

/** Two days as one range: `3 – 14 Mar 2026`, `24 Feb – 6 Mar 2026`, across years in full. */
export function formatDayRangeText(start: string, end: string, timeZone = 'UTC'): string {
  const a = dayParts(start, timeZone);
  const b = dayParts(end, timeZone);
  if (!a || !b) return `${start} – ${end}`;
  if (a.year !== b.year) return `${dayMonth(a)} ${a.year} – ${dayMonth(b)} ${b.year}`;
  if (a.month === b.month) return `${a.day} – ${dayMonth(b)} ${b.year}`;
  return `${dayMonth(a)} – ${dayMonth(b)} ${b.year}`;
}

/** A calendar month `2026-10` → `Oct 2026`; other text as it is. */
export function formatMonthText(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/**
 * `2026-12-02`, `2026-12-02T23:30:00Z` or its epoch milliseconds → `2 Dec 2026` (an instant
 * by its UTC day), for chart axes whose values are times. Text that is not a date is
 * returned as given.
 */
export function formatDay(value: string | number): string {
  if (typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : formatDayText(date.toISOString());
  }
  return formatDayText(value);
}
