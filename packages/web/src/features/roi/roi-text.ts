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
