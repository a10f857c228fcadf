import type { LedgerCategory } from '@sextant/core';
import { formatChangePct } from '../../lib/format';

export const CATEGORY_LABELS: Record<LedgerCategory, string> = {
  people: 'People',
  infrastructure: 'Infrastructure',
  licences: 'Licences',
  other: 'Other',
  savings: 'Savings',
  revenue: 'Revenue',
  avoided_loss: 'Avoided loss',
};

/** A ratio as a signed percentage to one decimal: −0.5 → `−50 %`; null → `—`. */
export function formatRoi(ratio: number | null): string {
  return ratio === null ? '—' : formatChangePct(Math.round(ratio * 1000) / 10);
}
