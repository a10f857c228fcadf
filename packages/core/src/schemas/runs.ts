import { z } from 'zod';
import { HttpUrl, Instant, LIMITS, UserRef, pageOf, requiredText } from './common.js';
import { EvaluationStrategySchema } from './success-criterion.js';
import { PROVENANCES, RUN_LIMITS } from '../domain/runs.js';

/** Metric and parameter names: what ML tools write (`hit_rate_at_10`, `val/auc`, `lr`). */
export const MetricName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:/@-]+$/, 'must use letters, digits and _ . : / @ - only');

/** Finite numbers only: JSON cannot carry NaN, and 1e309 parses to Infinity, which is refused. */
export const MetricValue = z.number().refine(Number.isFinite, 'must be a finite number');

const ParamValue = z.union([z.string().max(LIMITS.shortText), z.number(), z.boolean(), z.null()]);

export const CiMetadata = z.strictObject({
  /** `github-actions`, `gitlab-ci`, … */
  provider: requiredText(50),
  jobId: requiredText(200),
  jobUrl: HttpUrl,
});
export type CiMetadata = z.infer<typeof CiMetadata>;

export const CreateRunBody = z
  .strictObject({
    metrics: z
      .record(MetricName, MetricValue)
      .refine((m) => Object.keys(m).length >= 1, 'must hold at least one metric')
      .refine(
        (m) => Object.keys(m).length <= RUN_LIMITS.metrics,
        `must hold at most ${RUN_LIMITS.metrics} metrics`,
      ),
    params: z
      .record(MetricName, ParamValue)
      .refine(
        (p) => Object.keys(p).length <= RUN_LIMITS.params,
        `must hold at most ${RUN_LIMITS.params} parameters`,
      )
      .optional(),
    /** The commit the run evaluated (a git SHA or any VCS revision). */
    commit: requiredText(100),
    branch: requiredText(LIMITS.name).optional(),
    datasetVersion: requiredText(LIMITS.name).optional(),
    /** The strategy the run was evaluated under; or give its fingerprint directly. */
    evaluation: EvaluationStrategySchema.optional(),
    evaluationFingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'must be the 16 hex characters Sextant shows for a strategy')
      .optional(),
    startedAt: Instant.optional(),
    finishedAt: Instant.optional(),
    ci: CiMetadata.optional(),
  })
  .refine((r) => !(r.evaluation && r.evaluationFingerprint), {
    message: 'give evaluation or evaluationFingerprint, not both',
    path: ['evaluationFingerprint'],
  });
export type CreateRunBody = z.infer<typeof CreateRunBody>;

export const CreateRunBatchBody = z.strictObject({
  runs: z.array(CreateRunBody).min(1).max(RUN_LIMITS.batch),
});
export type CreateRunBatchBody = z.infer<typeof CreateRunBatchBody>;

export const ProvenanceSchema = z.enum(PROVENANCES);

/** How a run's success-metric value relates to the project's baseline. */
export const RunComparison = z.object({
  status: z.enum(['comparable', 'not_comparable', 'no_baseline', 'no_metric', 'manual']),
  /** "not comparable: evaluation strategy changed", or what the status means in words. */
  message: z.string(),
  metricName: z.string().nullable(),
  /** This run is the baseline in force. */
  isBaseline: z.boolean(),
  value: z.number().nullable(),
  baselineValue: z.number().nullable(),
  /** Both fingerprints when not comparable (and the strategies, when known). */
  runFingerprint: z.string().nullable(),
  baselineFingerprint: z.string().nullable(),
  runStrategy: z.string().nullable(),
  baselineStrategy: z.string().nullable(),
});
export type RunComparison = z.infer<typeof RunComparison>;

export const Run = z.object({
  id: z.string(),
  projectId: z.string(),
  /**
   * The open sprint whose dates held the run's finish (or arrival) day when it arrived; null
   * outside every open sprint (a closed sprint takes no more runs).
   */
  sprintId: z.string().nullable(),
  /** Which sprint it joined and why; null for runs stored before the note existed. */
  sprintNote: z.string().nullable(),
  /** `ci` only when posted with this project's CI token and CI metadata; everything else is manual. */
  provenance: ProvenanceSchema,
  metrics: z.record(z.string(), z.number()),
  params: z.record(z.string(), ParamValue),
  commit: z.string(),
  branch: z.string().nullable(),
  datasetVersion: z.string().nullable(),
  evaluationFingerprint: z.string().nullable(),
  /** Canonical text of the strategy when the run sent one. */
  evaluationStrategy: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  ci: z.object({ provider: z.string(), jobId: z.string(), jobUrl: z.string() }).nullable(),
  postedBy: UserRef.nullable(),
  createdAt: z.string(),
  comparison: RunComparison,
  /** Where to see it in the UI. */
  url: z.string(),
});
export type Run = z.infer<typeof Run>;

/** A stored run as a batch answer lists it: what the poster does not already know. */
export const RunSummary = Run.pick({
  id: true,
  url: true,
  provenance: true,
  sprintId: true,
  sprintNote: true,
});
export type RunSummary = z.infer<typeof RunSummary>;

/**
 * A batch's answer: each run's id, URL, provenance and sprint, in the order sent. Not the
 * whole runs: a 1,000-run batch would echo megabytes the poster sent itself
 * (`GET /runs/{id}` has each run with its comparison to the baseline).
 */
export const RunBatchResult = z.object({ count: z.number().int(), items: z.array(RunSummary) });
export type RunBatchResult = z.infer<typeof RunBatchResult>;

export const RunListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  provenance: ProvenanceSchema.optional(),
  sprintId: z.string().max(100).optional(),
  branch: z.string().max(LIMITS.name).optional(),
  /** Sort by this metric (runs without it last); default newest first. */
  sortMetric: MetricName.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

export const RunPage = pageOf(Run);

export const Baseline = z.object({
  runId: z.string(),
  metricName: z.string(),
  value: z.number(),
  evaluationFingerprint: z.string().nullable(),
  /** `first_ci_run` or `sprint_close` (the sprint's best CI run beat the previous baseline). */
  reason: z.enum(['first_ci_run', 'sprint_close']),
  sprintId: z.string().nullable(),
  setAt: z.string(),
});
export type Baseline = z.infer<typeof Baseline>;

const WorthSchema = z.object({ perPeriod: z.number(), perYear: z.number() });

/** The success metric in money (core `metricMoney`): see its rule there. */
export const MetricMoneySchema = z.object({
  currency: z.string(),
  period: z.string(),
  periodsPerYear: z.number(),
  model: WorthSchema,
  current: WorthSchema.nullable(),
  difference: WorthSchema.nullable(),
  atThreshold: WorthSchema.nullable(),
  text: z.string(),
});
