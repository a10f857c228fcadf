import { z } from 'zod';
import { LIMITS, UserRef, requiredText } from './common.js';
import { BACKLOG_STATUSES, EFFORT_DAYS_RANGE, EFFORT_SIZES } from '../domain/backlog.js';

export const BacklogStatusSchema = z.enum(BACKLOG_STATUSES);

/** `{"size": "S"}` (S = 1, M = 3, L = 8 days) or `{"days": 2.5}`. */
export const EffortSchema = z.union(
  [
    z.strictObject({ size: z.enum(EFFORT_SIZES) }),
    z.strictObject({
      days: z.number().min(EFFORT_DAYS_RANGE.min).max(EFFORT_DAYS_RANGE.max),
    }),
  ],
  {
    error: `must be {"size": "S", "M" or "L"} or {"days": ${EFFORT_DAYS_RANGE.min} to ${EFFORT_DAYS_RANGE.max}}`,
  },
);

const RunIdField = z.string().min(1).max(100).nullable();

export const CreateBacklogItemBody = z.strictObject({
  /** What was seen in the largest errors. */
  observation: requiredText(LIMITS.longText),
  proposedChange: requiredText(LIMITS.longText),
  effort: EffortSchema,
  /** Free text: "+0.3 hit rate@10 on night shifts", "fewer false alarms on pump 4"… */
  expectedImpact: requiredText(LIMITS.shortText),
  status: BacklogStatusSchema.default('idea'),
  /** The run whose errors showed it; must be a run of the same project. */
  runId: RunIdField.optional(),
});
export type CreateBacklogItemBody = z.infer<typeof CreateBacklogItemBody>;

export const UpdateBacklogItemBody = z.strictObject({
  observation: requiredText(LIMITS.longText).optional(),
  proposedChange: requiredText(LIMITS.longText).optional(),
  effort: EffortSchema.optional(),
  expectedImpact: requiredText(LIMITS.shortText).optional(),
  status: BacklogStatusSchema.optional(),
  /** null unlinks the run. */
  runId: RunIdField.optional(),
});
export type UpdateBacklogItemBody = z.infer<typeof UpdateBacklogItemBody>;

export const BacklogItem = z.object({
  id: z.string(),
  projectId: z.string(),
  observation: z.string(),
  proposedChange: z.string(),
  effort: z.union([z.object({ size: z.enum(EFFORT_SIZES) }), z.object({ days: z.number() })]),
  /** The effort on one scale: S = 1, M = 3, L = 8 days, or the days given. */
  effortDays: z.number(),
  expectedImpact: z.string(),
  status: BacklogStatusSchema,
  runId: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusChangedAt: z.string(),
});
export type BacklogItem = z.infer<typeof BacklogItem>;

export const BacklogList = z.object({
  /** Simplest first; see `order`. */
  items: z.array(BacklogItem),
  /** The ordering rule in words. */
  order: z.string(),
});
export type BacklogList = z.infer<typeof BacklogList>;
