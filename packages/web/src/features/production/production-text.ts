const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A hit rate@N (mean events caught per day among the top N): `1.5 a day`. */
export function hitRateText(value: number): string {
  return `${twoDecimals.format(value)} a day`;
}

/** A calendar day `days` after `day` (negative: before), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`) + days * 24 * 3600 * 1000;
  return new Date(time).toISOString().slice(0, 10);
}
