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
} from '@sextant/core';
import type { ProjectWithRole, Repositories, SprintRecord } from '@sextant/db';
import { alertFactsOf } from './alerts.service.js';
import { metricOfRecord } from './baselines.js';
import { deliverySprintOf } from './delivery.service.js';
import type { ServiceDeps } from './deps.js';

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

const matches = (project: ProjectWithRole, q: string | undefined) =>
  !q ||
  q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => `${project.name} ${project.teamName}`.toLowerCase().includes(word));

/** The portfolio: every project the caller may see, judged in one pass over bulk reads. */
export class PortfolioService {
  constructor(private readonly deps: ServiceDeps) {}

  async portfolio(userId: string, query: PortfolioQuery): Promise<Portfolio> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const repos: Repositories = store.repos;
    const projects = await repos.projects.listVisible(userId);
    const ids = projects.map((p) => p.id);
    const recentSince = new Date(now.getTime() - RECENT_DEPLOYMENT_DAYS * 86_400_000).toISOString();
    const inProduction = projects.filter((p) => p.stage === 'production').map((p) => p.id);
    const [
      changes,
      goals,
      criteria,
      baselines,
      sprints,
      recent,
      lastSuccess,
      insights,
      ledger,
      open,
    ] = await Promise.all([
      repos.stageChanges.listMovesForProjects(ids),
      repos.goals.listForProjects(ids),
      repos.criteria.listForProjects(ids),
      repos.baselines.listForProjects(ids),
      repos.sprints.listForProjects(ids),
      repos.deployments.countRecentProduction(ids, recentSince),
      repos.deployments.lastProductionSuccess(inProduction),
      repos.insights.listForProjects(ids),
      repos.ledger.listForProjects(ids),
      repos.deliveryWarnings.listOpenForProjects(ids, DELIVERY_WARNING_RULES),
    ]);
    const lastClosed = lastClosedSprints(sprints);
    const baselinesOf = groupBy(baselines, (b) => b.projectId);
    // Runs are counted only where the no-CI-baseline rule can fire: a closed sprint and no baseline.
    const [runCounts, stories] = await Promise.all([
      repos.runs.countByProject([...lastClosed.keys()].filter((id) => !baselinesOf.has(id))),
      repos.stories.listForSprints([...lastClosed.values()].map((s) => s.id)),
    ]);
    const by = {
      changes: groupBy(changes, (c) => c.projectId),
      goals: groupBy(goals, (g) => g.projectId),
      baselines: baselinesOf,
      runs: groupBy(runCounts, (r) => r.projectId),
      sprints: groupBy(sprints, (s) => s.projectId),
      insights: groupBy(insights, (i) => i.projectId),
      ledger: groupBy(ledger, (e) => e.projectId),
      open: groupBy(open, (w) => w.projectId),
    };
    const criterionOf = new Map(criteria.map((c) => [c.projectId, c]));

    const currencyTotals = new Map<string, { costs: number; realizedReturns: number }>();
    const rows = projects.map((project) => {
      const id = project.id;
      const projectBaselines = by.baselines.get(id) ?? [];
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
          hasCiBaseline: projectBaselines.length > 0,
          closedSprints: (by.sprints.get(id) ?? []).filter((s) => s.state === 'closed').length,
          lastProductionSuccess: lastSuccess.get(id) ?? null,
          insights: by.insights.get(id) ?? [],
          ledger: entries,
          delivery,
        },
        now,
      );
      const alerts = evaluateAlerts(facts);
      const { health, reasons } = judgeHealth(alerts);
      const last = lastClosed.get(id);
      const roi = roiTotals(entries);
      const currency = entries[0]?.currency ?? null;
      if (currency) {
        const total = currencyTotals.get(currency) ?? { costs: 0, realizedReturns: 0 };
        total.costs += roi.costs;
        total.realizedReturns += roi.realizedReturns;
        currencyTotals.set(currency, total);
      }
      const metric = metricOfRecord(criterionOf.get(id));
      const item: PortfolioProject = {
        id,
        name: project.name,
        teamId: project.teamId,
        teamName: project.teamName,
        stage: project.stage,
        health,
        reasons: health === 'green' ? [] : reasons,
        openAlerts: alerts.length,
        goalProgress: goalProgress(
          metric?.threshold ?? null,
          projectBaselines[0]?.value ?? null,
          projectBaselines.at(-1)?.value ?? null,
        ),
        lastSprintSuccessRate: last
          ? computeSprintSuccess(deliverySprintOf(last, stories)).byCount.rate
          : null,
        deploymentsLast30Days: recent.get(id) ?? 0,
        insightsThisQuarter: facts.insights.deliveredThisQuarter,
        roi: roiRatio(roi.realizedReturns, roi.costs),
        currency,
        url: `/projects/${id}`,
      };
      const reached =
        project.stage === 'production' ||
        project.stage === 'retired' ||
        history.some((c) => c.toStage === 'production');
      return { project, item, reached };
    });
    const perStage = Object.fromEntries(STAGES.map((s) => [s, 0]));
    const perHealth: Record<ProjectHealth, number> = { red: 0, amber: 0, green: 0 };
    for (const { item } of rows) {
      perStage[item.stage] = (perStage[item.stage] ?? 0) + 1;
      perHealth[item.health] += 1;
    }
    const reachedProduction = rows.filter((r) => r.reached).length;

    const stageIndex = (stage: string) => {
      const i = STAGE_PATH.indexOf(stage as (typeof STAGE_PATH)[number]);
      return i < 0 ? STAGE_PATH.length : i;
    };
    const filtered = rows
      .filter(
        ({ item, project }) =>
          (!query.stage || item.stage === query.stage) &&
          (!query.health || item.health === query.health) &&
          (!query.teamId || item.teamId === query.teamId) &&
          matches(project, query.q),
      )
      .map((r) => r.item);
    const byName = (a: PortfolioProject, b: PortfolioProject) =>
      NAME_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
    const sorted = filtered.sort((a, b) => {
      switch (query.sort) {
        case 'name':
          return byName(a, b);
        case 'stage':
          return stageIndex(a.stage) - stageIndex(b.stage) || byName(a, b);
        case 'newest':
          return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
        case 'health':
          return HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || byName(a, b);
      }
    });
    const items = sorted.slice(query.offset, query.offset + query.limit);
    const nextOffset =
      query.offset + query.limit < sorted.length ? query.offset + query.limit : null;
    return {
      items,
      total: sorted.length,
      nextOffset,
      workspace: {
        projects: rows.length,
        reachedProduction,
        reachedProductionShare: rows.length > 0 ? reachedProduction / rows.length : null,
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
}
