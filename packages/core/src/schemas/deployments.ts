import { z } from 'zod';
import { Instant, UserRef, pageOf, requiredText } from './common.js';
import { CiMetadata, ProvenanceSchema } from './runs.js';
import { DEPLOYMENT_STATUSES } from '../domain/deployment-kpis.js';

export const DeploymentStatusSchema = z.enum(DEPLOYMENT_STATUSES);

/** `production`, `staging` or any other short lowercase name. */
export const EnvironmentName = z
  .string()
  .min(1)
  .max(50)
  .regex(
    /^[a-z0-9][a-z0-9_.-]*$/,
    'must be a short lowercase name such as production or staging (letters, digits, _ . -)',
  );

export const CreateDeploymentBody = z.strictObject({
  version: requiredText(100),
  environment: EnvironmentName,
  status: DeploymentStatusSchema,
  /** The commit deployed (a git SHA or any VCS revision). */
  commit: requiredText(100).optional(),
  startedAt: Instant.optional(),
  finishedAt: Instant,
  /** The CI run that built or evaluated this version; must be a run of the same project. */
  runId: z.string().min(1).max(100).optional(),
  ci: CiMetadata.optional(),
});
export type CreateDeploymentBody = z.infer<typeof CreateDeploymentBody>;

/** The run a deployment shipped, named by the deployment or found by its commit. */
export const DeploymentRunRef = z.object({
  id: z.string(),
  commit: z.string(),
  provenance: ProvenanceSchema,
  finishedAt: z.string().nullable(),
  /** `posted`: the deployment named it (`runId`); `commit`: the CI run of its commit that finished last. */
  linkedBy: z.enum(['posted', 'commit']),
  /** Where to see the run in the UI. */
  url: z.string(),
});
export type DeploymentRunRef = z.infer<typeof DeploymentRunRef>;

export const Deployment = z.object({
  id: z.string(),
  projectId: z.string(),
  version: z.string(),
  environment: z.string(),
  status: DeploymentStatusSchema,
  commit: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string(),
  /** The run the deployment named when it was posted, if it named one. */
  runId: z.string().nullable(),
  /**
   * The run it shipped: the one it named, else the CI run of the same commit that finished
   * last (found when read); null when neither exists.
   */
  run: DeploymentRunRef.nullable(),
  /** `ci` only when posted with this project's CI token and CI metadata; else `manual`. */
  provenance: ProvenanceSchema,
  ci: z.object({ provider: z.string(), jobId: z.string(), jobUrl: z.string() }).nullable(),
  postedBy: UserRef.nullable(),
  createdAt: z.string(),
  /** Where to see it in the UI. */
  url: z.string(),
});
export type Deployment = z.infer<typeof Deployment>;

export const DeploymentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  environment: EnvironmentName.optional(),
  status: DeploymentStatusSchema.optional(),
});
export type DeploymentListQuery = z.infer<typeof DeploymentListQuery>;

export const DeploymentPage = pageOf(Deployment);

export const DeploymentKpis = z.object({
  /** Production deployments (any status) per UTC calendar month, oldest first. */
  perMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  /** Production deployments per ISO week, the current (partial) week last. */
  perWeek: z.array(
    z.object({
      weekStart: z.string(),
      succeeded: z.number(),
      failed: z.number(),
      deploymentDays: z.number(),
    }),
  ),
  deploymentDaysPerWeek: z.number(),
  daysSinceLastProduction: z.number().nullable(),
  /** A fraction 0..1; null without production deployments in the window. */
  changeFailureRate: z.number().nullable(),
  leadTimeHours: z.number().nullable(),
  rules: z.object({
    perMonth: z.string(),
    deploymentDaysPerWeek: z.string(),
    daysSinceLastProduction: z.string(),
    changeFailureRate: z.string(),
    leadTimeHours: z.string(),
  }),
});
export type DeploymentKpis = z.infer<typeof DeploymentKpis>;
