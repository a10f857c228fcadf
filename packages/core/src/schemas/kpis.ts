import { z } from 'zod';
import { ALERT_RULES } from '../domain/alerts.js';
import { ProjectArtifactKpisSchema } from './artifacts.js';
import { DeploymentKpis } from './deployments.js';
import { InsightKpisSchema } from './insights.js';
import { RoiResponse } from './ledger.js';
import { MetricMoneySchema } from './runs.js';
import { Delivery } from './sprints.js';

export const AlertSeveritySchema = z.enum(['red', 'amber']);
export const ProjectHealthSchema = z.enum(['green', 'amber', 'red']);

/** An open alert: why (with the numbers), since when, and where to act. */
export const AlertSchema = z.object({
  id: z.string(),
  rule: z.enum(ALERT_RULES),
  subjectKey: z.string(),
  severity: AlertSeveritySchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  /** `change`: acting there changes the project (members); `open`: anyone may read it there. */
  action: z.object({ label: z.string(), path: z.string(), kind: z.enum(['change', 'open']) }),
  since: z.string(),
});
export type AlertView = z.infer<typeof AlertSchema>;

export const HealthView = z.object({
  health: ProjectHealthSchema,
  reasons: z.array(z.string()),
  rule: z.string(),
});
export type HealthView = z.infer<typeof HealthView>;

/** The success criterion's progress: how far the baseline moved from the first towards the threshold. */
export const GoalKpis = z.object({
  goals: z.number().int(),
  quantifiableGoals: z.number().int(),
  metric: z.string().nullable(),
  threshold: z.number().nullable(),
  firstBaseline: z.number().nullable(),
  currentBaseline: z.number().nullable(),
  /** 0 at the first baseline, 1 at the threshold (clamped); null without both. */
  progress: z.number().nullable(),
  rule: z.string(),
});
export type GoalKpis = z.infer<typeof GoalKpis>;

/** Why the success metric has no money: the reason, for the overview to say. */
export const MONEY_MISSING = [
  'no_criterion',
  'not_hit_rate',
  'no_value_model',
  'no_ci_run',
] as const;

/** The success metric in money: the project's best CI run against today's process. */
export const MoneyKpis = z.object({
  /** The best CI run of the success metric under the baseline's evaluation strategy. */
  bestRun: z.object({ runId: z.string(), value: z.number() }).nullable(),
  /** Null when it cannot be worked out; `missing` says why. */
  money: MetricMoneySchema.nullable(),
  missing: z.enum(MONEY_MISSING).nullable(),
  rule: z.string(),
});
export type MoneyKpis = z.infer<typeof MoneyKpis>;

export const RunKpis = z.object({
  total: z.number().int(),
  ci: z.number().int(),
  manual: z.number().int(),
  baselineValue: z.number().nullable(),
  baselineRunId: z.string().nullable(),
  rule: z.string(),
});
export type RunKpis = z.infer<typeof RunKpis>;

/** Every KPI family of one project in one answer, with its open alerts and health. */
export const ProjectKpis = z.object({
  projectId: z.string(),
  asOf: z.string(),
  goal: GoalKpis,
  delivery: Delivery,
  runs: RunKpis,
  money: MoneyKpis,
  deployments: DeploymentKpis,
  artifacts: ProjectArtifactKpisSchema,
  insights: InsightKpisSchema,
  roi: RoiResponse,
  alerts: z.array(AlertSchema),
  health: HealthView,
});
export type ProjectKpis = z.infer<typeof ProjectKpis>;
