import type { LedgerEntry, LedgerPage, RoiResponse } from '@sextant/core';
import { useGet } from './query';
import { usePostMutation } from './mutation';
import { keys } from './keys';

/** The latest entries (newest first) with the ROI summary. */
export function useLedger(projectId: string, limit = 100) {
  return useGet<LedgerPage>(
    [...keys.ledger(projectId), 'entries', limit],
    `/projects/${projectId}/ledger`,
    { limit },
  );
}

/** ROI with and without estimates, curves and break-even. */
export function useRoi(projectId: string) {
  return useGet<RoiResponse>([...keys.ledger(projectId), 'roi'], `/projects/${projectId}/roi`);
}

/** What the entry form sends: an amount, or days × rate for a people cost. */
export interface LedgerEntryInput {
  kind: 'cost' | 'return';
  category: string;
  amount?: number;
  peopleDays?: number;
  dayRate?: number;
  currency: string;
  status: 'estimated' | 'realized';
  date: string;
  note: string | null;
}

export function useCreateLedgerEntry(projectId: string) {
  const path = `/projects/${projectId}/ledger`;
  return usePostMutation<LedgerEntry, LedgerEntryInput>(keys.ledger(projectId), path);
}
