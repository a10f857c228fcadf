import { parseNumberInput } from '../../lib/format';

/**
 * A number field that may be left empty and holds no negative (points, an estimated value):
 * the number typed, null when empty, or 'invalid' when it is not a number of 0 or more.
 */
export function parseOptionalNonNegative(text: string): number | null | 'invalid' {
  const value = parseNumberInput(text);
  return value === 'invalid' || (value !== null && value < 0) ? 'invalid' : value;
}
