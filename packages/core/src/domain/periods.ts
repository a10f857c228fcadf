/** Calendar months (`YYYY-MM`) and quarters (`YYYY-Qn`) of `YYYY-MM-DD` days, in UTC. */

/** The month of a day: `2027-03-14` → `2027-03`. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The quarter of a day: `2027-03-14` → `2027-Q1`; April starts Q2. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included (empty when `last` is before `first`). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The first and last day of a month. */
export function monthBounds(month: string): { start: string; end: string } {
  const next = addMonths(month, 1);
  const end = new Date(Date.parse(`${next}-01T00:00:00Z`) - 86_400_000);
  return { start: `${month}-01`, end: end.toISOString().slice(0, 10) };
}

/** The first month of a quarter: `2027-Q2` → `2027-04`. */
export function quarterStartMonth(quarter: string): string {
  const q = Number(quarter.slice(6, 7));
  return `${quarter.slice(0, 4)}-${String((q - 1) * 3 + 1).padStart(2, '0')}`;
}

/** The first and last day of a quarter. */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const first = quarterStartMonth(quarter);
  return { start: `${first}-01`, end: monthBounds(addMonths(first, 2)).end };
}

/** Every quarter from `first` to `last`, both included. */
export function quartersBetween(first: string, last: string): string[] {
  const quarters: string[] = [];
  for (let m = quarterStartMonth(first); quarterOf(`${m}-01`) <= last; m = addMonths(m, 3)) {
    quarters.push(quarterOf(`${m}-01`));
  }
  return quarters;
}
