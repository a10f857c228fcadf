import { z } from 'zod';
import { DURATION_PATTERN, TRAIN_WINDOWS } from '../domain/evaluation.js';
import { LIMITS, requiredText } from './common.js';
import { GoalDirectionSchema } from './goals.js';

const Duration = z.string().regex(DURATION_PATTERN, 'must be a duration such as 12h, 1d or 2w');

export const MetricSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hit_rate_at_n'),
    /** How many interventions the team can make per period. */
    n: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({
    kind: z.literal('named'),
    name: requiredText(LIMITS.name),
    direction: GoalDirectionSchema,
  }),
]);
export type MetricSpec = z.infer<typeof MetricSpec>;

export const EvaluationStrategySchema = z
  .strictObject({
    trainWindow: z.enum(TRAIN_WINDOWS),
    trainSize: Duration.nullable().optional(),
    testWindow: Duration,
    step: Duration,
    horizon: Duration.nullable().optional(),
  })
  .refine((s) => s.trainWindow !== 'sliding' || Boolean(s.trainSize), {
    message: 'a sliding train window needs its size (trainSize)',
    path: ['trainSize'],
  });

export const ValueModel = z.strictObject({
  costMissed: z.number().min(0),
  costIntervention: z.number().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR or USD'),
});

export const PutSuccessCriterionBody = z.strictObject({
  metric: MetricSpec,
  threshold: z.number(),
  evaluation: EvaluationStrategySchema,
  valueModel: ValueModel.nullable().optional(),
});
export type PutSuccessCriterionBody = z.infer<typeof PutSuccessCriterionBody>;

export const SuccessCriterion = z.object({
  projectId: z.string(),
  metric: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('hit_rate_at_n'), n: z.number() }),
    z.object({ kind: z.literal('named'), name: z.string(), direction: GoalDirectionSchema }),
  ]),
  /** The metric's name as runs report it: `hit_rate_at_10` or the named metric. */
  metricName: z.string(),
  threshold: z.number(),
  evaluation: z.object({
    trainWindow: z.enum(TRAIN_WINDOWS),
    trainSize: z.string().nullable(),
    testWindow: z.string(),
    step: z.string(),
    horizon: z.string().nullable(),
  }),
  /** Stable hash of the evaluation strategy: runs under another fingerprint are not comparable. */
  evaluationFingerprint: z.string(),
  valueModel: z
    .object({ costMissed: z.number(), costIntervention: z.number(), currency: z.string() })
    .nullable(),
  updatedAt: z.string(),
});
export type SuccessCriterion = z.infer<typeof SuccessCriterion>;
