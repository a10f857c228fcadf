const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A hit rate@N (mean events caught per day among the top N): `1.5 a day`. */
export function hitRateText(value: number): string {
  return `${twoDecimals.format(value)} a day`;
}
