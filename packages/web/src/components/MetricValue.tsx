import { formatNumber, formatWholeNumber } from '../lib/format';

/**
 * A metric as shown (3 significant digits, core's one way), with its whole value on hover
 * when rounding changed it; the API always carries the whole value.
 */
export function MetricValue({ value }: { value: number }) {
  const shown = formatNumber(value);
  const whole = formatWholeNumber(value);
  return whole === shown ? <>{shown}</> : <span title={whole}>{shown}</span>;
}
