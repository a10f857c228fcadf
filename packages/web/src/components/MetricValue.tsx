import { formatNumberText } from '@sextant/core';
import { formatNumber } from '../lib/format';

/**
 * A metric as shown (3 significant digits, core's one way), with its whole value on hover
 * when rounding changed it; the API always carries the whole value.
 */
export function MetricValue({ value }: { value: number }) {
  const shown = formatNumber(value);
  const whole = formatNumberText(value, 12);
  return whole === shown ? <>{shown}</> : <span title={whole}>{shown}</span>;
}
