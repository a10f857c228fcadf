/**
 * The Production feature (stage, page, `ProductionService`): what it reads and answers.
 * Its records are the feedback a model in production sends back (predictions, decisions,
 * outcomes), posted to `/projects/{id}/feedback/{kind}`; hence `Feedback…` for those.
 */
import { z } from 'zod';
import { CalendarDate, Instant, LIMITS } from './common.js';

/** Most items in one JSON body; bigger batches go as CSV or NDJSON. */
export const FEEDBACK_JSON_MAX_ITEMS = 1_000;

const Entity = z.string().trim().min(1, 'must not be empty').max(LIMITS.name);
const ModelVersion = z.string().trim().max(100);

export const PredictionItem = z
  .strictObject({
    entity: Entity,
    /** The day the prediction is for. */
    period: CalendarDate,
    modelVersion: ModelVersion.min(1, 'must not be empty'),
    score: z.number().finite().nullable().optional(),
    class: z.string().trim().min(1).max(LIMITS.name).nullable().optional(),
  })
  .refine((p) => p.score != null || p.class != null, {
    message: 'a prediction needs a score or a class',
    path: ['score'],
  });
export type PredictionItem = z.infer<typeof PredictionItem>;

export const DecisionItem = z.strictObject({
  entity: Entity,
  period: CalendarDate,
  /** The model version the operator saw; empty when none. */
  modelVersion: ModelVersion.optional(),
  acted: z.boolean(),
  /** Why the operator did or did not act (counted when they disagree with the model). */
  reason: z.string().trim().max(LIMITS.shortText).nullable().optional(),
  decidedBy: z.string().trim().max(LIMITS.name).nullable().optional(),
});
export type DecisionItem = z.infer<typeof DecisionItem>;

export const OutcomeItem = z.strictObject({
  entity: Entity,
  time: Instant,
  event: z.string().trim().min(1, 'must not be empty').max(LIMITS.name),
});
export type OutcomeItem = z.infer<typeof OutcomeItem>;

const itemsOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item).min(1).max(FEEDBACK_JSON_MAX_ITEMS) });

export const PredictionsBody = itemsOf(PredictionItem);
export const DecisionsBody = itemsOf(DecisionItem);
export const OutcomesBody = itemsOf(OutcomeItem);

export const FEEDBACK_KINDS = ['predictions', 'decisions', 'outcomes'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FeedbackKindParam = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.enum(FEEDBACK_KINDS),
});

/** Rows are upserted on their key: a re-sent row replaces the stored one (the last one wins). */
export const FeedbackResult = z.object({
  received: z.number(),
  inserted: z.number(),
  updated: z.number(),
});
export type FeedbackResult = z.infer<typeof FeedbackResult>;

export const ProductionQuery = z.strictObject({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  period: z.enum(['day', 'week']).default('day'),
});
export type ProductionQuery = z.infer<typeof ProductionQuery>;

const DisagreementSchema = z.object({
  considered: z.number(),
  ignored: z.number(),
  overridden: z.number(),
  rate: z.number(),
  reasons: z.record(z.string(), z.number()),
});

const Figures = {
  days: z.number(),
  hitRate: z.number(),
  eventsCaught: z.number(),
  interventions: z.number(),
  events: z.number(),
  bar: z.number(),
  modelNet: z.number().nullable(),
  realized: z.object({ acted: z.number(), eventsCaught: z.number(), net: z.number().nullable() }),
  disagreement: DisagreementSchema,
};

export const ProductionReport = z.object({
  projectId: z.string(),
  from: z.string(),
  to: z.string(),
  periodKind: z.enum(['day', 'week']),
  /** N of the criterion, null when the project has no hit-rate@N criterion. */
  n: z.number().nullable(),
  threshold: z.number().nullable(),
  horizon: z.string(),
  currency: z.string().nullable(),
  periods: z.array(z.object({ period: z.string(), ...Figures })),
  totals: z.object(Figures),
  /** Reasons over the whole range, most frequent first, with the periods they came up in. */
  reasons: z.array(
    z.object({ reason: z.string(), count: z.number(), periods: z.array(z.string()) }),
  ),
  rules: z.record(z.string(), z.string()),
});
export type ProductionReport = z.infer<typeof ProductionReport>;

export const ReasonBacklogBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(LIMITS.shortText),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type ReasonBacklogBody = z.infer<typeof ReasonBacklogBody>;
