/** Time comes from here, so tests can hold it still or move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const iso = (date: Date): string => date.toISOString();

/**
 * A clock that reads `start` at the moment it is made and then runs at the system clock's
 * pace: a server started with `SEXTANT_NOW` lives on that day (tests, demos on a fixed date)
 * while sessions, throttling windows and retries still see time pass.
 */
export function clockStartingAt(start: Date, system: Clock = systemClock): Clock {
  const offset = start.getTime() - system.now().getTime();
  return { now: () => new Date(system.now().getTime() + offset) };
}

/** `SEXTANT_NOW` (an ISO-8601 day or instant) as the instant the clock starts at; null when unset. */
export function parseClockStart(value: string | undefined): Date | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(
    text,
  );
  const start = new Date(text);
  // A calendar day that exists: Date would roll 30 February into March.
  const day = match && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (
    !match ||
    !day ||
    day.getUTCDate() !== Number(match[3]) ||
    !Number.isFinite(start.getTime())
  ) {
    throw new Error(
      `SEXTANT_NOW must be an ISO-8601 day or instant such as 2027-02-28T09:00:00Z, got "${value}"`,
    );
  }
  return start;
}

/** The clock a process runs on: the system's, or one started at `SEXTANT_NOW`. */
export function clockFrom(start: Date | null): Clock {
  return start ? clockStartingAt(start) : systemClock;
}
