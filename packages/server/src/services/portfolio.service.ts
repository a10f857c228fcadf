import {
  roiTotals,
  computeSprintSuccess,
  DELIVERY_WARNING_RULES,
  evaluateAlerts,
  GOAL_PROGRESS_RULE,
  goalProgress,
  groupBy,
  HEALTH_RULE,
  INSIGHTS_THIS_QUARTER_RULE,
  judgeHealth,
  roiRatio,
  ROI_RULE,
  STAGE_PATH,
  STAGES,
  type DeliveryWarning,
  type DeliveryWarningRule,
  type Portfolio,
  type PortfolioProject,
  type PortfolioQuery,
  type ProjectHealth,
  utcDay,
} from '@sextant/core';
import type {
  LedgerAmountRow,
  PortfolioProjectRecord,
  Repositories,
  SprintRecord,
} from '@sextant/db';
import { alertFactsOf, goalPaceFrom } from './alerts.service.js';
import { metricOfRecord } from './baselines.js';
import type { ServiceDeps } from './deps.js';
import { bestCiRun, criterionMoney, hasValueModel, MONEY_RULE } from './money.js';
import { deliverySprintOf } from './project-reads.js';

/** About one data-science project in five reaches production (the seed articles). */
export const INDUSTRY_PRODUCTION_SHARE = 0.2;

const RECENT_DEPLOYMENT_DAYS = 30;

export const PORTFOLIO_RULES = {
  health: HEALTH_RULE,
  alerts:
    'The project rules are judged at this request; the delivery warnings are as last judged, which every sprint, story and run write and every read of the project does.',
  reachedProduction:
    'A project reached production when it is in production or retired now, or its stage history passes through production. Archived projects are left out.',
  industryShare:
    'About one data-science project in five reaches production: the figure to compare the share with.',
  goalProgress: GOAL_PROGRESS_RULE,
  lastSprintSuccessRate:
    'The last closed sprint’s delivered stories / committed stories, by count; none before a sprint closes.',
  deployments: `Production deployments finished in the last ${RECENT_DEPLOYMENT_DAYS} days, whatever their status.`,
  insights: INSIGHTS_THIS_QUARTER_RULE,
  roi: `${ROI_RULE} Per project in its currency; the workspace figure sums each currency on its own.`,
  worthVsToday: `${MONEY_RULE} The column is the difference a year, in the value model’s currency.`,
} as const;

const HEALTH_ORDER: Record<ProjectHealth, number> = { red: 0, amber: 1, green: 2 };
/** One collator for every sort: `localeCompare` with options builds one per call. */
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

/** Each project's last closed sprint (by end date). */
function lastClosedSprints(sprints: readonly SprintRecord[]): Map<string, SprintRecord> {
  const last = new Map<string, SprintRecord>();
  for (const sprint of sprints) {
    if (sprint.state !== 'closed') continue;
    const seen = last.get(sprint.projectId);
    if (!seen || sprint.endDate > seen.endDate) last.set(sprint.projectId, sprint);
  }
  return last;
}

const matches = (project: PortfolioProjectRecord, q: string | undefined) =>
  !q ||
  q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => `${project.name} ${project.teamName}`.toLowerCase().includes(word));

/** A project judged in the first pass: all that filters, sorts and the workspace figures read. */
interface JudgedProject {
  project: PortfolioProjectRecord;
  health: ProjectHealth;
  reasons: string[];
  openAlerts: number;
  insightsThisQuarter: number;
  entries: readonly LedgerAmountRow[];
  reached: boolean;
}

/**
 * The portfolio: every project the caller may see, in two passes. The first judges every
 * project's health from bulk reads over the visible projects (what filters, sorts and the
 * workspace figures need); the second reads what only the page's rows show (goal progress,
 * the last sprint, recent deployments) for those rows alone.
 */
export class PortfolioService {
  constructor(private readonly deps: ServiceDeps) {}

  async portfolio(userId: string, query: PortfolioQuery): Promise<Portfolio> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const today = utcDay(now);
    const repos: Repositories = store.repos;
    const [
      projects,
      changes,
      goals,
      withBaseline,
      closedSprints,
      lastSuccess,
      insights,
      ledger,
      open,
      measurements,
    ] = await Promise.all([
      repos.portfolio.projects(userId),
      repos.portfolio.stageMoves(userId),
      repos.portfolio.goals(userId),
      repos.portfolio.withBaseline(userId),
      repos.portfolio.closedSprints(userId),
      repos.portfolio.lastProductionSuccess(userId),
      repos.portfolio.insights(userId),
      repos.portfolio.ledger(userId),
      repos.portfolio.openWarnings(userId, DELIVERY_WARNING_RULES),
      repos.portfolio.goalMeasurements(userId),
    ]);
    // Runs are counted only where the no-CI-baseline rule can fire: a closed sprint and no baseline.
    const runCounts = await repos.runs.countByProject(
      [...closedSprints.keys()].filter((id) => !withBaseline.has(id)),
    );
    const by = {
      changes: groupBy(changes, (c) => c.projectId),
      goals: groupBy(goals, (g) => g.projectId),
      runs: groupBy(runCounts, (r) => r.projectId),
      insights: groupBy(insights, (i) => i.projectId),
      ledger: groupBy(ledger, (e) => e.projectId),
      open: groupBy(open, (w) => w.projectId),
      measurements: groupBy(measurements, (m) => m.goalId),
    };

    const judged = projects.map((project): JudgedProject => {
      const id = project.id;
      const runsOf = by.runs.get(id) ?? [];
      const entries = by.ledger.get(id) ?? [];
      const history = by.changes.get(id) ?? [];
      const delivery: DeliveryWarning[] = (by.open.get(id) ?? []).map((w) => ({
        rule: w.rule as DeliveryWarningRule,
        subjectKey: w.subjectKey,
        message: w.message,
        details: w.details,
      }));
      const facts = alertFactsOf(
        project,
        {
          changes: history,
          goals: by.goals.get(id) ?? [],
          runs: {
            total: runsOf.reduce((n, r) => n + r.n, 0),
            ci: runsOf.filter((r) => r.provenance === 'ci').reduce((n, r) => n + r.n, 0),
          },
          hasCiBaseline: withBaseline.has(id),
          closedSprints: closedSprints.get(id) ?? 0,
          lastProductionSuccess: lastSuccess.get(id) ?? null,
          insights: by.insights.get(id) ?? [],
          ledger: entries,
          delivery,
          goalPace: (by.goals.get(id) ?? []).flatMap(
            (goal) => goalPaceFrom(goal, by.measurements.get(goal.id) ?? []) ?? [],
          ),
        },
        now,
        today,
      );
      const alerts = evaluateAlerts(facts);
      const { health, reasons } = judgeHealth(alerts);
      return {
        project,
        health,
        reasons,
        openAlerts: alerts.length,
        insightsThisQuarter: facts.insights.deliveredThisQuarter,
        entries,
        // The stage moves leave out creation (into scoping), never a move into production.
        reached:
          project.stage === 'production' ||
          project.stage === 'retired' ||
          history.some((c) => c.toStage === 'production'),
      };
    });

    const currencyTotals = new Map<string, { costs: number; realizedReturns: number }>();
    const roiOf = new Map<string, ReturnType<typeof roiTotals>>();
    for (const { project, entries } of judged) {
      const currency = entries[0]?.currency;
      if (!currency) continue;
      const roi = roiTotals(entries);
      roiOf.set(project.id, roi);
      const total = currencyTotals.get(currency) ?? { costs: 0, realizedReturns: 0 };
      total.costs += roi.costs;
      total.realizedReturns += roi.realizedReturns;
      currencyTotals.set(currency, total);
    }
    const perStage = Object.fromEntries(STAGES.map((s) => [s, 0]));
    const perHealth: Record<ProjectHealth, number> = { red: 0, amber: 0, green: 0 };
    for (const { project, health } of judged) {
      perStage[project.stage] = (perStage[project.stage] ?? 0) + 1;
      perHealth[health] += 1;
    }
    const reachedProduction = judged.filter((r) => r.reached).length;

    const stageIndex = (stage: string) => {
      const i = STAGE_PATH.indexOf(stage as (typeof STAGE_PATH)[number]);
      return i < 0 ? STAGE_PATH.length : i;
    };
    const filtered = judged.filter(
      ({ project, health }) =>
        (!query.stage || project.stage === query.stage) &&
        (!query.health || health === query.health) &&
        (!query.teamId || project.teamId === query.teamId) &&
        matches(project, query.q),
    );
    const byName = (a: JudgedProject, b: JudgedProject) =>
      NAME_ORDER.compare(a.project.name, b.project.name) || (a.project.id < b.project.id ? -1 : 1);
    const sorted = filtered.sort((a, b) => {
      switch (query.sort) {
        case 'name':
          return byName(a, b);
        case 'stage':
          return stageIndex(a.project.stage) - stageIndex(b.project.stage) || byName(a, b);
        case 'newest':
          return a.project.id < b.project.id ? 1 : a.project.id > b.project.id ? -1 : 0;
        case 'health':
          return HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || byName(a, b);
      }
    });
    const page = sorted.slice(query.offset, query.offset + query.limit);
    const items = await this.pageItems(page, roiOf, now);
    const nextOffset =
      query.offset + query.limit < sorted.length ? query.offset + query.limit : null;
    return {
      items,
      total: sorted.length,
      nextOffset,
      workspace: {
        projects: judged.length,
        reachedProduction,
        reachedProductionShare: judged.length > 0 ? reachedProduction / judged.length : null,
        industryShare: INDUSTRY_PRODUCTION_SHARE,
        perStage,
        perHealth,
        roi: [...currencyTotals]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([currency, t]) => ({
            currency,
            costs: t.costs,
            realizedReturns: t.realizedReturns,
            roi: roiRatio(t.realizedReturns, t.costs),
          })),
        rules: { ...PORTFOLIO_RULES },
      },
    };
  }

  /**
   * The page's rows, with what only they show: goal progress, last sprint, deployments, and
   * the best CI run in money against today (CI runs read only where a value model prices them).
   */
  private async pageItems(
    page: readonly JudgedProject[],
    roiOf: ReadonlyMap<string, ReturnType<typeof roiTotals>>,
    now: Date,
  ): Promise<PortfolioProject[]> {
    const repos = this.deps.store.repos;
    const ids = page.map((r) => r.project.id);
    const recentSince = new Date(now.getTime() - RECENT_DEPLOYMENT_DAYS * 86_400_000).toISOString();
    const [criteria, baselines, sprints, recent] = await Promise.all([
      repos.criteria.listForProjects(ids),
      repos.baselines.listForProjects(ids),
      repos.sprints.listForProjects(ids),
      repos.deployments.countRecentProduction(ids, recentSince),
    ]);
    const lastClosed = lastClosedSprints(sprints);
    const priced = criteria.filter(hasValueModel).map((c) => c.projectId);
    const [stories, ciScores] = await Promise.all([
      repos.stories.listForSprints([...lastClosed.values()].map((s) => s.id)),
      repos.runs.listCiScores(priced),
    ]);
    const criterionOf = new Map(criteria.map((c) => [c.projectId, c]));
    const baselinesOf = groupBy(baselines, (b) => b.projectId);
    const ciScoresOf = groupBy(ciScores, (r) => r.projectId);
    return page.map(({ project, health, reasons, openAlerts, insightsThisQuarter, entries }) => {
      const id = project.id;
      const projectBaselines = baselinesOf.get(id) ?? [];
      const criterion = criterionOf.get(id);
      const metric = metricOfRecord(criterion);
      const last = lastClosed.get(id);
      const roi = roiOf.get(id) ?? roiTotals([]);
      const best = bestCiRun(ciScoresOf.get(id) ?? [], criterion, projectBaselines.at(-1));
      const { money } = criterionMoney(
        criterion,
        project.scope.currentMetric?.value ?? null,
        best?.value ?? null,
      );
      return {
        id,
        name: project.name,
        teamId: project.teamId,
        teamName: project.teamName,
        stage: project.stage,
        health,
        reasons: health === 'green' ? [] : reasons,
        openAlerts,
        goalProgress: goalProgress(
          metric?.threshold ?? null,
          projectBaselines[0]?.value ?? null,
          projectBaselines.at(-1)?.value ?? null,
        ),
        lastSprintSuccessRate: last
          ? computeSprintSuccess(deliverySprintOf(last, stories)).byCount.rate
          : null,
        deploymentsLast30Days: recent.get(id) ?? 0,
        insightsThisQuarter,
        roi: roiRatio(roi.realizedReturns, roi.costs),
        currency: entries[0]?.currency ?? null,
        worthVsToday: money?.difference
          ? { ...money.difference, period: money.period, currency: money.currency }
          : null,
        url: `/projects/${id}`,
      };
    });
  }
}
