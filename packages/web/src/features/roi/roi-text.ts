import type { LedgerCategory } from '@sextant/core';

export const CATEGORY_LABELS: Record<LedgerCategory, string> = {
  people: 'People',
  infrastructure: 'Infrastructure',
  licences: 'Licences',
  other: 'Other',
  savings: 'Savings',
  revenue: 'Revenue',
  avoided_loss: 'Avoided loss',
};

/** A ratio as a signed percentage: −0.5 → `−50 %`; null → `—`. */
export function formatRoi(ratio: number | null): string {
  if (ratio === null) return '—';
  const pct = Math.round(ratio * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct)} %`;
}
