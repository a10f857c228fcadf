import { z } from 'zod';
import { CalendarDate, Instant, LIMITS, UserRef, optionalText, requiredText } from './common.js';
// From the domain, not schemas/runs.ts: that module imports this one (an import cycle).
import { PROVENANCES } from '../domain/runs.js';

export const GoalDirectionSchema = z.enum(['increase', 'decrease']);

/**
 * Types are checked here (400); whether the goal is quantifiable is a rule (422), so
 * the number, deadline and direction may be absent at this level and be named there.
 */
export const CreateGoalBody = z
  .strictObject({
    statement: requiredText(LIMITS.shortText),
    metric: optionalText(LIMITS.name).nullable().optional(),
    direction: GoalDirectionSchema.nullable().optional(),
    baseline: z.number().nullable().optional(),
    target: z.number().nullable().optional(),
    targetChangePct: z.number().min(-100).max(100_000).nullable().optional(),
    deadline: CalendarDate.nullable().optional(),
    unit: optionalText(50).nullable().optional(),
  })
  .refine((g) => g.target == null || g.targetChangePct == null, {
    message: 'give either target or targetChangePct, not both',
    path: ['targetChangePct'],
  });
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

export const UpdateGoalBody = z.strictObject({
  statement: requiredText(LIMITS.shortText).optional(),
  metric: optionalText(LIMITS.name).nullable().optional(),
  direction: GoalDirectionSchema.nullable().optional(),
  baseline: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  targetChangePct: z.number().min(-100).max(100_000).nullable().optional(),
  deadline: CalendarDate.nullable().optional(),
  unit: optionalText(50).nullable().optional(),
});
export type UpdateGoalBody = z.infer<typeof UpdateGoalBody>;

export const GoalParams = z.strictObject({
  id: z.string().min(1).max(100),
  goalId: z.string().min(1).max(100),
});

export const Goal = z.object({
  id: z.string(),
  projectId: z.string(),
  statement: z.string(),
  metric: z.string(),
  direction: GoalDirectionSchema,
  baseline: z.number(),
  target: z.number(),
  targetChangePct: z.number().nullable(),
  deadline: z.string(),
  unit: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof Goal>;

/** A measurement of the goal's own metric (downtime hours, churn %), not the model's. */
export const CreateGoalMeasurementBody = z.strictObject({
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  /** When the figure was measured (an ISO instant with its offset). */
  measuredAt: Instant,
  /** Where the figure comes from: a report, a dashboard, a query. */
  source: requiredText(LIMITS.name),
  note: optionalText(LIMITS.longText).nullable().optional(),
});
export type CreateGoalMeasurementBody = z.infer<typeof CreateGoalMeasurementBody>;

export const GoalMeasurement = z.object({
  id: z.string(),
  goalId: z.string(),
  value: z.number(),
  measuredAt: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  /** `ci` when posted with this project's CI token; a person's is `manual`. */
  provenance: z.enum(PROVENANCES),
  postedBy: UserRef.nullable(),
  createdAt: z.string(),
});
export type GoalMeasurement = z.infer<typeof GoalMeasurement>;

export const BusinessGoalProgressSchema = z.object({
  status: z.enum(['no_measurement', 'reached', 'on_pace', 'off_pace', 'not_enough_data']),
  latest: z.object({ value: z.number(), measuredAt: z.string() }).nullable(),
  progress: z.number().nullable(),
  pacePerDay: z.number().nullable(),
  projectedAtDeadline: z.number().nullable(),
  message: z.string(),
});

/** A goal's measurements, oldest first, and where they put the goal. */
export const GoalMeasurements = z.object({
  items: z.array(GoalMeasurement),
  progress: BusinessGoalProgressSchema,
  /** The rule, in one sentence. */
  rule: z.string(),
});
export type GoalMeasurements = z.infer<typeof GoalMeasurements>;
