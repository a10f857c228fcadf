/**
 * The ROI ledger (KPI 6): what the project cost and what it gave back, each entry estimated
 * or realized, dated. Amounts are money in the project's one currency (see `money.ts`).
 */
import { roundMoney } from './money.js';

export const LEDGER_KINDS = ['cost', 'return'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const COST_CATEGORIES = ['people', 'infrastructure', 'licences', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const RETURN_CATEGORIES = ['savings', 'revenue', 'avoided_loss', 'other'] as const;
export type ReturnCategory = (typeof RETURN_CATEGORIES)[number];

export type LedgerCategory = CostCategory | ReturnCategory;

export const LEDGER_STATUSES = ['estimated', 'realized'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const LEDGER_CURRENCY_RULE =
  'One currency per project: the first ledger entry fixes it, and entries in another currency are refused.';

/** Currency rule: the project's currency is the first entry's; null when the ledger is empty. */
export function ledgerCurrencyConflict(
  projectCurrency: string | null,
  entryCurrency: string,
): string | null {
  if (projectCurrency === null || projectCurrency === entryCurrency) return null;
  return `currency: this project's ledger is in ${projectCurrency}; enter the amount in ${projectCurrency}.`;
}

export const PEOPLE_COST_RULE =
  'A people cost given in days is peopleDays × dayRate, rounded to cents.';

/** People-cost rule: days × day rate, rounded to cents. */
export function peopleCostAmount(peopleDays: number, dayRate: number): number {
  return roundMoney(peopleDays * dayRate);
}
