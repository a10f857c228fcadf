/**
 * The operator's daily list: the model's top N of one period with what the operator decided
 * and what happened, read from `/projects/{id}/production/list`.
 */
import { z } from 'zod';
import { CalendarDate } from './common.js';

/** How many recent periods with predictions the list offers to choose from. */
export const OPERATOR_LIST_PERIODS = 14;

/** How many recent reasons the list offers first. */
export const OPERATOR_LIST_REASONS = 8;

/** The event an operator's "happened" records as an outcome. */
export const OPERATOR_OUTCOME_EVENT = 'reported by operator';

export const OperatorListQuery = z.strictObject({
  /** The period (day) to list; the latest with predictions when absent. */
  period: CalendarDate.optional(),
});
export type OperatorListQuery = z.infer<typeof OperatorListQuery>;

export const OperatorListRow = z.object({
  entity: z.string(),
  score: z.number(),
  modelVersion: z.string(),
  /** 1 = the highest score, by the production figures' tie rule. */
  rank: z.number(),
  /** The stored decision on this entity and period, if any. */
  decision: z
    .object({ acted: z.boolean(), reason: z.string().nullable(), decidedBy: z.string().nullable() })
    .nullable(),
  /** The first outcome on the entity within the period's label window, if any. */
  outcome: z.object({ time: z.string(), event: z.string() }).nullable(),
});
export type OperatorListRow = z.infer<typeof OperatorListRow>;

export const OperatorList = z.object({
  projectId: z.string(),
  /**
   * `ready`: rows to work through; `no_criterion`: the success criterion is not a hit
   * rate@N; `no_predictions`: the pipeline sent no predictions for the period.
   */
  status: z.enum(['ready', 'no_criterion', 'no_predictions']),
  /** The period listed; null when no period has predictions. */
  period: z.string().nullable(),
  /** Recent periods with predictions, newest first. */
  periods: z.array(z.string()),
  /** N of the hit rate@N criterion; null without one. */
  n: z.number().nullable(),
  horizon: z.string().nullable(),
  /** Where an outcome counts for the period: [from, to) (ISO instants); null without a period. */
  outcomeWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** The event name the list's "happened" records. */
  outcomeEvent: z.string(),
  rows: z.array(OperatorListRow),
  /** Reasons the project's operators gave lately, most frequent first. */
  reasons: z.array(z.string()),
});
export type OperatorList = z.infer<typeof OperatorList>;
