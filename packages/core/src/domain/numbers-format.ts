/**
 * One way to write numbers and money in text (reviews, reports, the web, the CLI): a true
 * minus sign, thousands separated by commas, money without cents at or above 1,000 and with
 * its currency's sign. Deterministic (no locale of the machine): the same figure reads the
 * same on the server, in the browser and in a PDF.
 */

/** U+2212, the minus sign: a hyphen is not one. */
export const MINUS = '\u2212';

const CURRENCY_SIGNS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' };

/**
 * Half-up rounding at `decimals` on the number as written, not its binary value: 10.95 → 11.0
 * and 1.005 → 1.01, where `toFixed` alone gives 10.9 and 1.00.
 */
function roundDecimal(x: number, decimals: number): number {
  const rounded = Number(`${Math.round(Number(`${x}e${decimals}`))}e-${decimals}`);
  return Number.isFinite(rounded) ? rounded : x;
}

/**
 * `1234567.891` → `1,234,567.89` (at most `decimals`; trailing zeros dropped unless
 * `keepZeros`), minus as U+2212.
 */
export function formatNumberText(value: number, decimals = 2, keepZeros = false): string {
  const sign = value < 0 ? MINUS : '';
  const fixed = roundDecimal(Math.abs(value), decimals).toFixed(decimals);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = keepZeros ? fraction : fraction.replace(/0+$/, '');
  const text = trimmed ? `${grouped}.${trimmed}` : grouped;
  return /^[0.,]+$/.test(text) ? text : `${sign}${text}`;
}

/**
 * A metric to 3 significant digits, never losing whole digits: `0.273224043715847` → `0.273`,
 * `1.4` → `1.4`, `12.3456` → `12.3`, `1234.5` → `1,235`.
 */
export function formatMetricText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 2) return formatNumberText(value, 0);
  const decimals = Math.max(0, Math.min(12, 2 - magnitude));
  return formatNumberText(Number(value.toPrecision(3)), decimals);
}

/**
 * Money: `€18,750`, `−€1,200`, `€12.50`; cents only below 1,000. `signed` writes a plus for
 * a gain. A currency without a known sign is written after the amount (`1,200 CHF`).
 */
export function formatMoneyText(amount: number, currency: string, signed = false): string {
  const abs = Math.round(Math.abs(amount) * 100) / 100;
  const digits =
    abs >= 1000 ? formatNumberText(Math.round(abs), 0) : formatNumberText(abs, 2, true);
  const sign = abs === 0 ? '' : amount < 0 ? MINUS : signed ? '+' : '';
  const symbol = CURRENCY_SIGNS[currency];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${digits} ${currency}`;
}

/** Money in short form for large amounts: `€6.8 M`, `+€340 k`; as `formatMoneyText` below 10,000. */
export function formatMoneyShort(amount: number, currency: string, signed = false): string {
  const abs = Math.abs(amount);
  if (abs < 10_000) return formatMoneyText(amount, currency, signed);
  const [scaled, unit] =
    abs >= 1e9 ? [abs / 1e9, ' bn'] : abs >= 1e6 ? [abs / 1e6, ' M'] : [abs / 1e3, ' k'];
  const digits = formatNumberText(scaled, scaled >= 100 ? 0 : 1);
  const sign = amount < 0 ? MINUS : signed ? '+' : '';
  const symbol = CURRENCY_SIGNS[currency];
  return symbol ? `${sign}${symbol}${digits}${unit}` : `${sign}${digits}${unit} ${currency}`;
}

/** A change in per cent, signed, with no currency: `+64 %`, `−49 %`, `0 %` (to `decimals`). */
export function formatPercentText(pct: number, decimals = 1): string {
  const text = formatNumberText(Math.abs(pct), decimals);
  const sign = text === '0' ? '' : pct < 0 ? MINUS : '+';
  return `${sign}${text} %`;
}
