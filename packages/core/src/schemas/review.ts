import { z } from 'zod';
import { LIMITS, UserRef, requiredText } from './common.js';
import { Baseline, MetricMoneySchema } from './runs.js';
import { DECISIONS } from '../domain/review.js';

export const DecisionSchema = z.enum(DECISIONS);

export const CreateDecisionBody = z.strictObject({
  decision: DecisionSchema,
  rationale: requiredText(LIMITS.longText),
});
export type CreateDecisionBody = z.infer<typeof CreateDecisionBody>;

export const SprintDecision = z.object({
  id: z.string(),
  sprintId: z.string(),
  decision: DecisionSchema,
  rationale: z.string(),
  decidedBy: UserRef.nullable(),
  decidedAt: z.string(),
  /** The stage the project moved to because of it (drop → dropped), if any. */
  stageChange: z.object({ from: z.string(), to: z.string() }).nullable(),
  /**
   * Taken on a closed sprint: when the record it was taken on was made (the close). Null
   * for a decision taken while the sprint was still open (the record then includes it).
   */
  recordTakenAt: z.string().nullable(),
});
export type SprintDecision = z.infer<typeof SprintDecision>;

export const ForecastSchema = z.object({
  status: z.enum(['reached', 'in_sight', 'not_in_sight', 'not_enough_data', 'no_threshold']),
  /** Whole sprints after the latest one to reach the threshold at the current pace; null unless in sight. */
  sprintsNeeded: z.number().int().nullable(),
  /** Change of the metric per sprint (least-squares slope), in the metric's unit. */
  pacePerSprint: z.number().nullable(),
  /** The method in one sentence. */
  method: z.string(),
  message: z.string(),
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const ReviewPoint = z.object({
  sprintId: z.string(),
  name: z.string(),
  number: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  state: z.string(),
  /** Best CI value of the success metric in the sprint, under the baseline's strategy. */
  bestCiValue: z.number().nullable(),
  bestRunId: z.string().nullable(),
  /** The baseline in force when the sprint started (the bar its runs had to beat). */
  baselineValue: z.number().nullable(),
  /** The baseline its close promoted (its best CI run, when better), the step into the next sprint. */
  promotedValue: z.number().nullable(),
  /** CI runs of the sprint under another strategy: shown, never compared. */
  notComparableRuns: z.number().int(),
  manualRuns: z.number().int(),
});
export type ReviewPoint = z.infer<typeof ReviewPoint>;

export const SprintReview = z.object({
  sprint: z.object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    number: z.number().int(),
    state: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    /** The day it was closed (its actual end), beside the planned `endDate`; null while open. */
    closedOn: z.string().nullable(),
    goal: z.string(),
  }),
  /**
   * A closed sprint's review is its record: what it showed at the close, unchanged by later
   * runs or edits. Null while the sprint is open (the review is then worked out live).
   */
  record: z
    .object({
      takenAt: z.string(),
      /** Audited corrections made to the record since, oldest first. */
      corrections: z.array(
        z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }),
      ),
    })
    .nullable(),
  project: z.object({ id: z.string(), name: z.string(), stage: z.string() }),
  metric: z.object({ name: z.string(), direction: z.enum(['increase', 'decrease']) }).nullable(),
  threshold: z.number().nullable(),
  evaluationFingerprint: z.string().nullable(),
  /** The current process's figure from the scope: the bar today's way of working sets. */
  currentProcess: z.object({ name: z.string(), value: z.number() }).nullable(),
  /** The project's first quantifiable goal, as text and target. */
  goal: z.object({ text: z.string(), target: z.number().nullable() }).nullable(),
  baseline: Baseline.nullable(),
  /** One point per sprint up to and including this one, in order. */
  points: z.array(ReviewPoint),
  forecast: ForecastSchema,
  /**
   * The best CI run of the review in money against today's process, when the criterion is a
   * hit rate@N with a value model and a CI run carries it; null otherwise.
   */
  money: MetricMoneySchema.nullable(),
  /** Set when CI runs arrived under another strategy than the baseline's. */
  comparability: z
    .object({
      message: z.string(),
      baselineFingerprint: z.string().nullable(),
      otherFingerprints: z.array(z.string()),
    })
    .nullable(),
  decision: SprintDecision.nullable(),
  deliveredStories: z.array(
    z.object({ id: z.string(), title: z.string(), deliverable: z.string() }),
  ),
  /** Stories of the sprint carried over at its close into the next one (the copy's id). */
  carriedOverStories: z.array(
    z.object({ id: z.string(), title: z.string(), carriedToId: z.string().nullable() }),
  ),
});
export type SprintReview = z.infer<typeof SprintReview>;
