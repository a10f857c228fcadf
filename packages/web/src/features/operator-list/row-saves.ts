import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { postListFeedback, productionKey, type ListFeedback } from '../../api/production';

/** Where one save of a row stands. */
export interface SaveState {
  status: 'saving' | 'saved' | 'failed';
  /** The Idempotency-Key of this body: a retry of the same body sends it again. */
  key: string;
  /** The body sent, as JSON: another body gets a new key. */
  body: string;
  feedback: ListFeedback;
  error: string | null;
}

/** A fresh Idempotency-Key: 128 random bits in hex (crypto.randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `list-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The saves of the daily list by slot (`period/entity/decision`…): each posts its body with
 * one Idempotency-Key, reused when the same body is sent again after a failure, so a retry on
 * a bad connection stores it once. A save makes the production figures and the list stale.
 */
export function useRowSaves(projectId: string) {
  const client = useQueryClient();
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const save = useCallback(
    async (slot: string, feedback: ListFeedback, previous: SaveState | undefined) => {
      const body = JSON.stringify(feedback);
      const key =
        previous && previous.body === body && previous.status !== 'saved'
          ? previous.key
          : newIdempotencyKey();
      const put = (state: Omit<SaveState, 'key' | 'body' | 'feedback'>) =>
        setSaves((all) => ({ ...all, [slot]: { ...state, key, body, feedback } }));
      put({ status: 'saving', error: null });
      try {
        await postListFeedback(projectId, feedback, key);
        put({ status: 'saved', error: null });
        void client.invalidateQueries({ queryKey: productionKey(projectId) });
      } catch (error) {
        put({ status: 'failed', error: errorMessage(error) });
      }
    },
    [client, projectId],
  );
  return {
    saves,
    /** Sends `feedback` for `slot` (a new key unless it retries the same body). */
    send: (slot: string, feedback: ListFeedback) => save(slot, feedback, saves[slot]),
    /** Sends the slot's failed body again under its key. */
    retry: (slot: string) => {
      const previous = saves[slot];
      if (previous) void save(slot, previous.feedback, previous);
    },
  };
}
