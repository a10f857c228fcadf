import type { Database } from '../schema.js';

/** The three feedback tables, each unique on its natural key (a re-sent row replaces the stored one). */
export type FeedbackTable = 'predictions' | 'operator_decisions' | 'outcomes';

export const KEYS = {
  predictions: ['project_id', 'period', 'entity', 'model_version'],
  operator_decisions: ['project_id', 'period', 'entity', 'model_version'],
  outcomes: ['project_id', 'time', 'entity', 'event'],
} as const satisfies Record<FeedbackTable, readonly string[]>;

export const COLUMNS = {
  predictions: ['project_id', 'entity', 'period', 'model_version', 'score', 'class', 'created_at'],
  operator_decisions: [
    'project_id',
    'entity',
    'period',
    'model_version',
    'acted',
    'reason',
    'decided_by',
    'created_at',
  ],
  outcomes: ['project_id', 'entity', 'time', 'event', 'created_at'],
} as const satisfies { [T in FeedbackTable]: readonly (keyof Database[T] & string)[] };

/** What a re-sent row replaces: every column but the key and the first arrival. */
export const replacedColumns = (table: FeedbackTable): string[] =>
  (COLUMNS[table] as readonly string[]).filter(
    (c) => !(KEYS[table] as readonly string[]).includes(c) && c !== 'created_at',
  );
