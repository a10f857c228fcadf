/** Rounds away floating-point dust (0.30000000000000004 → 0.3). */
const clean = (value: number) => Number(value.toPrecision(12));

/**
 * A y axis with round ticks (1, 2, 2.5 or 5 × a power of ten, about four of them) that holds
 * every value — threshold and current-process bar included, since ECharts leaves mark lines
 * out of the axis range — with room above the top line for its label. One rule for the web
 * chart and the server-rendered report, so both draw the same axis.
 */
export function niceAxis(values: readonly number[]): {
  min: number;
  max: number;
  interval: number;
} {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.2 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = clean(
    (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude,
  );
  let min = clean(Math.floor(lo / step) * step);
  let max = clean(Math.ceil(hi / step) * step);
  if (max - hi < step / 2) max = clean(max + step);
  if (Math.min(...values) >= 0 && min < 0) min = 0;
  return { min, max, interval: step };
}
