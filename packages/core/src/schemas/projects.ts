import { z } from 'zod';
import { LIMITS, PageQuery, optionalText, requiredText } from './common.js';
import { POC_CONSTRAINTS, PRODUCTIZATION_MODES } from '../domain/scope.js';
import { STAGES } from '../domain/stage.js';
import { TeamRoleSchema } from './teams.js';
import { Goal } from './goals.js';
import { SuccessCriterion } from './success-criterion.js';
import { DeliveryWarningSchema } from './sprints.js';

export const StageSchema = z.enum(STAGES);

export const ScopeUserSchema = z
  .strictObject({
    name: optionalText(LIMITS.name).optional(),
    role: optionalText(LIMITS.name).optional(),
  })
  .refine((u) => Boolean(u.name?.length || u.role?.length), {
    message: 'give the person’s name, their role, or both',
  });

export const CurrentMetricSchema = z.strictObject({
  name: requiredText(LIMITS.name),
  value: z.number(),
  unit: optionalText(50).optional(),
});

export const PocConstraintsSchema = z
  .array(z.enum(POC_CONSTRAINTS))
  .length(2, 'choose exactly two of time, resources, accuracy: the third is what gives')
  .refine((list) => list[0] !== list[1], { message: 'the two constraints must differ' });

/** The scope canvas; every key optional in a patch, stored with defaults. */
export const ScopePatch = z.strictObject({
  why: optionalText(LIMITS.longText).optional(),
  sponsor: optionalText(LIMITS.name).optional(),
  users: z.array(ScopeUserSchema).max(LIMITS.list).optional(),
  currentProcess: optionalText(LIMITS.longText).optional(),
  currentMetric: CurrentMetricSchema.nullable().optional(),
  productization: z.enum(PRODUCTIZATION_MODES).nullable().optional(),
  pocConstraints: PocConstraintsSchema.nullable().optional(),
});
export type ScopePatch = z.infer<typeof ScopePatch>;

export const ScopeSchema = z.object({
  why: z.string(),
  sponsor: z.string(),
  users: z.array(z.object({ name: z.string().optional(), role: z.string().optional() })),
  currentProcess: z.string(),
  currentMetric: z
    .object({ name: z.string(), value: z.number(), unit: z.string().optional() })
    .nullable(),
  productization: z.enum(PRODUCTIZATION_MODES).nullable(),
  pocConstraints: z.array(z.enum(POC_CONSTRAINTS)).nullable(),
});

export const CreateProjectBody = z.strictObject({
  teamId: z.string().min(1).max(100),
  name: requiredText(LIMITS.name),
  scope: ScopePatch.optional(),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z.strictObject({
  name: requiredText(LIMITS.name).optional(),
  scope: ScopePatch.optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const ListProjectsQuery = PageQuery.extend({
  teamId: z.string().max(100).optional(),
  stage: StageSchema.optional(),
  /** `false` (default) hides archived projects, `true` shows only them, `all` both. */
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuery>;

export const Project = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  name: z.string(),
  stage: StageSchema,
  archivedAt: z.string().nullable(),
  scope: ScopeSchema,
  /** The caller's role in the project's team. */
  role: TeamRoleSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof Project>;

export const UnmetGateSchema = z.object({
  gate: z.string(),
  /** What to do, for those who may do it. */
  message: z.string(),
  /** What is missing, in words for anyone who reads the project. */
  missing: z.string(),
});

export const ProjectDetail = Project.extend({
  goals: z.array(Goal),
  successCriterion: SuccessCriterion.nullable(),
  /** The next stage on the path and what still stands in the way of moving there. */
  next: z.object({ stage: StageSchema, unmetGates: z.array(UnmetGateSchema) }).nullable(),
  allowedMoves: z.array(StageSchema),
  /** Open early warnings, each with the numbers that raised it and since when. */
  warnings: z.array(DeliveryWarningSchema),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;
