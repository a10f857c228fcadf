/**
 * The next instant of a weekly or daily schedule in a time zone ("Monday 08:00 in
 * Europe/Berlin"), computed with Intl so that a week across a daylight-saving change still
 * fires at 08:00 on the wall clock there. Pure: the caller passes the instant it is after.
 */

/** True when `timeZone` is an IANA zone this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the zone's wall clock reads this local time. A local time that does not exist
 * that day (inside a spring-forward gap) lands on the instant just after the gap.
 */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return new Date(second === first ? first : Math.max(first, second));
}

function assertHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`hour must be an integer 0-23, got ${hour}`);
  }
}

/** The first instant strictly after `after` at `hour`:00 local time on a day `accept` allows. */
function nextLocal(
  after: Date,
  timeZone: string,
  hour: number,
  accept: (weekday: number) => boolean,
): Date {
  assertHour(hour);
  const start = wallTime(after.getTime(), timeZone);
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    if (!accept(date.getUTCDay())) continue;
    const candidate = zonedInstant(
      timeZone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hour,
    );
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`no next instant found after ${after.toISOString()} in ${timeZone}`);
}

/**
 * The next `weekday` (0 Sunday … 6 Saturday; default Monday) at `hour`:00 in `timeZone`,
 * strictly after `after`.
 */
export function nextWeekly(after: Date, timeZone: string, weekday = 1, hour = 8): Date {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`weekday must be an integer 0-6, got ${weekday}`);
  }
  return nextLocal(after, timeZone, hour, (day) => day === weekday);
}

/** The next day's (or today's, if still ahead) `hour`:00 in `timeZone`, strictly after `after`. */
export function nextDaily(after: Date, timeZone: string, hour = 8): Date {
  return nextLocal(after, timeZone, hour, () => true);
}
