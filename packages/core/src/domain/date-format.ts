/**
 * Dates in text, charts and reports are written one way: `2 Dec 2026` (day, short English
 * month, year). Deterministic: the UTC day, never the machine's locale or time zone, so the
 * same instant reads the same on the server, in the browser and in a PDF.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-12-02`, `2026-12-02T23:30:00Z` or its epoch milliseconds → `2 Dec 2026` (an instant
 * by its UTC day). Text that is not a date is returned as given.
 */
export function formatDay(value: string | number): string {
  const date = new Date(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value,
  );
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
