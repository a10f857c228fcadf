/**
 * Money is a number of the currency's major unit with at most 2 decimals (12.34 EUR), kept
 * as `double precision` like every other amount in Sextant. Sums are taken in whole cents
 * so that 0.1 + 0.2 adds up to 0.30 and not 0.30000000000000004.
 */

/** ISO 4217 codes are three capital letters (EUR, USD, GBP…). */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** An amount in one currency. */
export interface CurrencyAmount {
  amount: number;
  currency: string;
}

/** Rounds to whole cents (2 decimals), half away from zero. */
export function roundMoney(value: number): number {
  const cents = Math.round(Math.abs(value) * 100 + 1e-9);
  return (Math.sign(value) * cents) / 100 || 0;
}

/** True when `value` has no more than 2 decimals (within floating-point noise). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** Sum of amounts, taken in cents. */
export function sumMoney(values: readonly number[]): number {
  return values.reduce((cents, v) => cents + Math.round(v * 100), 0) / 100;
}

/** Amounts grouped by currency, currencies in alphabetical order. */
export function sumByCurrency(items: readonly CurrencyAmount[]): CurrencyAmount[] {
  const cents = new Map<string, number>();
  for (const item of items) {
    cents.set(item.currency, (cents.get(item.currency) ?? 0) + Math.round(item.amount * 100));
  }
  return [...cents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, c]) => ({ currency, amount: c / 100 }));
}
