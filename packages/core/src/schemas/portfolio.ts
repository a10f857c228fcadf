import { z } from 'zod';
import { PORTFOLIO_SORTS } from '../domain/portfolio.js';
import { STAGES } from '../domain/stage.js';
import { ProjectHealthSchema } from './kpis.js';

export const PortfolioQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  health: ProjectHealthSchema.optional(),
  teamId: z.string().max(100).optional(),
  /** Words matched against the project and team names, ignoring case. */
  q: z.string().max(200).optional(),
  /** `health` puts red first, then amber, then green. */
  sort: z.enum(PORTFOLIO_SORTS).default('health'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PortfolioQuery = z.infer<typeof PortfolioQuery>;

/** One project as the portfolio lists it. */
export const PortfolioProject = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  stage: z.enum(STAGES),
  health: ProjectHealthSchema,
  /** Why the health is what it is: the messages of the worst open alerts. */
  reasons: z.array(z.string()),
  openAlerts: z.number().int(),
  /** The success criterion's progress 0..1 (see the project KPIs' goal rule), or null. */
  goalProgress: z.number().nullable(),
  /** The last closed sprint's success rate by count 0..1, or null. */
  lastSprintSuccessRate: z.number().nullable(),
  /** Production deployments finished in the last 30 days. */
  deploymentsLast30Days: z.number().int(),
  insightsThisQuarter: z.number().int(),
  /** (realized returns − costs) / costs, or null without costs; in the project's currency. */
  roi: z.number().nullable(),
  currency: z.string().nullable(),
  /**
   * What the best CI run is worth against today's process, per period and per year, in the
   * value model's currency; null without a value model, a CI run or today's figure.
   */
  worthVsToday: z
    .object({
      perPeriod: z.number(),
      perYear: z.number(),
      period: z.string(),
      currency: z.string(),
    })
    .nullable(),
  url: z.string(),
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;

export const PortfolioWorkspace = z.object({
  /** Projects the caller may see (archived ones left out), whatever the filters. */
  projects: z.number().int(),
  /** Of those, how many ever reached production (production or retired now, or passed through it). */
  reachedProduction: z.number().int(),
  /** reachedProduction / projects, 0..1, or null without projects. */
  reachedProductionShare: z.number().nullable(),
  /** The industry figure to compare with: about one project in five reaches production. */
  industryShare: z.number(),
  perStage: z.record(z.string(), z.number().int()),
  perHealth: z.record(z.string(), z.number().int()),
  /** Per currency: realized returns, costs and ROI over every visible project's ledger. */
  roi: z.array(
    z.object({
      currency: z.string(),
      costs: z.number(),
      realizedReturns: z.number(),
      roi: z.number().nullable(),
    }),
  ),
  rules: z.record(z.string(), z.string()),
});
export type PortfolioWorkspace = z.infer<typeof PortfolioWorkspace>;

export const Portfolio = z.object({
  items: z.array(PortfolioProject),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
  workspace: PortfolioWorkspace,
});
export type Portfolio = z.infer<typeof Portfolio>;
