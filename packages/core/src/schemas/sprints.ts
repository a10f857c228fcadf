import { z } from 'zod';
import { CalendarDate, LIMITS, UserRef, optionalText, requiredText } from './common.js';
import {
  DELIVERABLE_TYPES,
  SPRINT_STATES,
  STORY_OUTCOMES,
  STORY_STATUSES,
} from '../domain/sprint.js';
import { DELIVERY_WARNING_RULES } from '../domain/delivery-warnings.js';

export const SprintStateSchema = z.enum(SPRINT_STATES);
export const StoryStatusSchema = z.enum(STORY_STATUSES);
export const StoryOutcomeSchema = z.enum(STORY_OUTCOMES);
export const DeliverableTypeSchema = z.enum(DELIVERABLE_TYPES);

export const CreateSprintBody = z.strictObject({
  /** Defaults to "Sprint N". */
  name: requiredText(LIMITS.name).optional(),
  goal: optionalText(LIMITS.shortText).default(''),
  startDate: CalendarDate,
  endDate: CalendarDate,
});
export type CreateSprintBody = z.infer<typeof CreateSprintBody>;

export const UpdateSprintBody = z.strictObject({
  name: requiredText(LIMITS.name).optional(),
  goal: optionalText(LIMITS.shortText).optional(),
  startDate: CalendarDate.optional(),
  endDate: CalendarDate.optional(),
});
export type UpdateSprintBody = z.infer<typeof UpdateSprintBody>;

export const CloseSprintBody = z.strictObject({
  /** Not-delivered stories to copy into the next sprint, linked to their originals. */
  carryOver: z.array(z.string().min(1).max(100)).max(1_000).default([]),
  /** Creates the next sprint in the same step when none is planned yet. */
  nextSprint: CreateSprintBody.optional(),
});
export type CloseSprintBody = z.infer<typeof CloseSprintBody>;

export const Sprint = z.object({
  id: z.string(),
  projectId: z.string(),
  number: z.number().int(),
  name: z.string(),
  goal: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  lengthDays: z.number().int(),
  state: SprintStateSchema,
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The day it was closed: its actual end, beside the planned `endDate` (null while open). */
  closedOn: z.string().nullable(),
  storyCounts: z.object({
    todo: z.number().int(),
    in_progress: z.number().int(),
    done: z.number().int(),
  }),
  external: z.object({ source: z.string(), key: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Sprint = z.infer<typeof Sprint>;

const Deliverable = z.strictObject({
  type: DeliverableTypeSchema,
  description: requiredText(LIMITS.shortText),
});

export const CreateStoryBody = z.strictObject({
  title: requiredText(LIMITS.name),
  /** Every story hands over something tangible: say what exactly. */
  deliverable: Deliverable,
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  points: z.number().min(0).max(1_000).nullable().optional(),
  status: StoryStatusSchema.default('todo'),
});
export type CreateStoryBody = z.infer<typeof CreateStoryBody>;

export const UpdateStoryBody = z.strictObject({
  title: requiredText(LIMITS.name).optional(),
  deliverable: z
    .strictObject({
      type: DeliverableTypeSchema.optional(),
      description: requiredText(LIMITS.shortText).optional(),
    })
    .optional(),
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  points: z.number().min(0).max(1_000).nullable().optional(),
  status: StoryStatusSchema.optional(),
  /** 0-based place in the sprint's order; the others shift to make room. */
  position: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateStoryBody = z.infer<typeof UpdateStoryBody>;

export const CorrectStoryBody = z.strictObject({
  outcome: StoryOutcomeSchema,
  /** Why the frozen record is being corrected: kept with the story and in the audit log. */
  reason: requiredText(LIMITS.shortText),
});
export type CorrectStoryBody = z.infer<typeof CorrectStoryBody>;

export const Story = z.object({
  id: z.string(),
  projectId: z.string(),
  sprintId: z.string(),
  title: z.string(),
  deliverable: z.object({ type: DeliverableTypeSchema, description: z.string() }),
  assignee: UserRef.nullable(),
  status: StoryStatusSchema,
  points: z.number().nullable(),
  position: z.number().int(),
  /** Added while the sprint was active: part of the commitment, marked as such. */
  addedAfterStart: z.boolean(),
  /** Set when the sprint closed; never rewritten except by an audited correction. */
  outcome: StoryOutcomeSchema.nullable(),
  carriedFromId: z.string().nullable(),
  carriedToId: z.string().nullable(),
  correction: z.object({ reason: z.string(), by: UserRef.nullable(), at: z.string() }).nullable(),
  external: z.object({ source: z.string(), key: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof Story>;

export const SprintDetail = Sprint.extend({ stories: z.array(Story) });
export type SprintDetail = z.infer<typeof SprintDetail>;

export const CloseSprintResult = z.object({
  sprint: Sprint,
  delivered: z.number().int(),
  notDelivered: z.number().int(),
  carriedOver: z.array(Story),
  nextSprint: Sprint.nullable(),
});
export type CloseSprintResult = z.infer<typeof CloseSprintResult>;

export const StoryIdParam = z.strictObject({ id: z.string().min(1).max(100) });

const RatioSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** 0..1, null when there is nothing to divide by. */
  rate: z.number().nullable(),
});

export const DeliveryWarningSchema = z.object({
  id: z.string(),
  rule: z.enum(DELIVERY_WARNING_RULES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  since: z.string(),
});
export type DeliveryWarningView = z.infer<typeof DeliveryWarningSchema>;

export const Delivery = z.object({
  projectId: z.string(),
  sprints: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      name: z.string(),
      state: SprintStateSchema,
      startDate: z.string(),
      endDate: z.string(),
      committed: z.number().int(),
      delivered: z.number().int(),
      addedAfterStart: z.number().int(),
      carriedOver: z.number().int(),
      /** Closed sprints only; null while the sprint is open. */
      successRate: RatioSchema.nullable(),
      successRateByPoints: RatioSchema.nullable(),
      carryOverRate: RatioSchema.nullable(),
    }),
  ),
  people: z.array(
    z.object({
      assigneeId: z.string().nullable(),
      name: z.string(),
      perSprint: z.array(
        z.object({
          sprintId: z.string(),
          committed: z.number().int(),
          delivered: z.number().int(),
          rate: z.number().nullable(),
        }),
      ),
      lastWindow: RatioSchema,
      sprintsWithUndelivered: z.number().int(),
    }),
  ),
  trend: z.object({
    rates: z.array(z.object({ sprintId: z.string(), rate: z.number().nullable() })),
    slopePerSprint: z.number().nullable(),
    direction: z.enum(['improving', 'declining', 'flat', 'insufficient_data']),
  }),
  overall: z.object({ success: RatioSchema, carryOver: RatioSchema }),
  warnings: z.array(DeliveryWarningSchema),
  rules: z.record(z.string(), z.string()),
});
export type Delivery = z.infer<typeof Delivery>;
