import { z } from 'zod';
import { CalendarDate, LIMITS, optionalText, requiredText } from './common.js';

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
