import type { LedgerEntry } from '@sextant/core';
import type { LedgerEntryRecord } from '@sextant/db';

export const presentLedgerEntry = (entry: LedgerEntryRecord): LedgerEntry => ({
  id: entry.id,
  projectId: entry.projectId,
  kind: entry.kind,
  category: entry.category,
  amount: entry.amount,
  peopleDays: entry.peopleDays,
  dayRate: entry.dayRate,
  currency: entry.currency,
  status: entry.status,
  date: entry.date,
  note: entry.note,
  createdBy: entry.createdBy,
  createdAt: entry.createdAt,
});
