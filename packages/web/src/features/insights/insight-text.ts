import type { InsightStatus } from '@sextant/core';
import { formatMoney } from '../../lib/format';

export const INSIGHT_STATUS_LABELS: Record<InsightStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  implemented: 'Implemented',
  rejected: 'Rejected',
};

/** What the button that makes a move says. */
export const INSIGHT_MOVE_LABELS: Record<InsightStatus, string> = {
  proposed: 'Propose',
  accepted: 'Accept',
  implemented: 'Mark implemented',
  rejected: 'Reject',
};

/** Business areas people usually name; any other text is fine. */
export const SUGGESTED_AREAS = ['operations', 'sales', 'inventory', 'marketing', 'finance'];

/** Amounts per currency, never added across currencies: `12 000 € + 500 US$`. */
export function moneyList(values: readonly { amount: number; currency: string }[]): string {
  if (values.length === 0) return '—';
  return values.map((v) => formatMoney(v.amount, v.currency)).join(' + ');
}
