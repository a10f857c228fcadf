/**
 * Deployment KPIs (the DORA "four keys", counted in UTC days): production deployments per
 * month, deployment days per week, days since the last production deployment, change
 * failure rate and lead time. Pure functions over plain facts, each with its rule beside it.
 */
import { utcDay } from './dates.js';
import { addDays, dayNumber, mondayOnOrBefore } from './sprint.js';

export const DEPLOYMENT_STATUSES = ['succeeded', 'failed', 'rolled_back'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** The environment whose deployments the KPIs count. */
export const PRODUCTION_ENVIRONMENT = 'production';

/** How far back the change failure rate and the lead time look, in days (today included). */
export const KPI_WINDOW_DAYS = 90;
/** How many complete ISO weeks the deployment-days median covers. */
export const DEPLOYMENT_DAYS_WEEKS = 12;
/** How many calendar months the per-month series shows (the current one included). */
export const PER_MONTH_MONTHS = 12;

/** What the KPIs need of a deployment. */
export interface DeploymentFact {
  version: string;
  environment: string;
  status: DeploymentStatus;
  commit: string | null;
  runId: string | null;
  /** ISO-8601 instant. */
  finishedAt: string;
}

/** What the lead time needs of a run: its commit and when it began. */
export interface RunFact {
  id: string;
  commit: string;
  provenance: 'ci' | 'manual';
  /** When the run began: its start, else its finish, else its arrival (ISO-8601). */
  at: string;
}

/** The UTC day an instant falls on. */
const dayOf = (instant: string): string => utcDay(new Date(instant));

/** The median of numbers (the mean of the middle two for an even count); null when empty. */
function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const isProduction = (d: DeploymentFact) => d.environment === PRODUCTION_ENVIRONMENT;
const isProductionSuccess = (d: DeploymentFact) => isProduction(d) && d.status === 'succeeded';
/** Deployments that finished within the KPI window ending on `today` (a day number). */
const inWindow = (d: DeploymentFact, today: number) => {
  const age = today - dayNumber(dayOf(d.finishedAt));
  return age >= 0 && age < KPI_WINDOW_DAYS;
};

export const PER_MONTH_RULE = `Production deployments per month: every deployment to the production environment, succeeded, failed or rolled back, counted in the UTC calendar month it finished; the last ${PER_MONTH_MONTHS} months, the current one included.`;

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

/** Per-month rule: production deployments of any status by the UTC month they finished. */
export function productionDeploymentsPerMonth(
  deployments: readonly DeploymentFact[],
  now: Date,
  months = PER_MONTH_MONTHS,
): MonthCount[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const series: MonthCount[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const start = new Date(Date.UTC(year, month - i, 1));
    series.push({ month: start.toISOString().slice(0, 7), count: 0 });
  }
  const index = new Map(series.map((m, i) => [m.month, i]));
  for (const d of deployments) {
    if (!isProduction(d)) continue;
    const i = index.get(dayOf(d.finishedAt).slice(0, 7));
    if (i !== undefined) (series[i] as MonthCount).count += 1;
  }
  return series;
}

export interface WeekCount {
  /** The Monday that starts the ISO week, `YYYY-MM-DD`. */
  weekStart: string;
  /** Production deployments that succeeded. */
  succeeded: number;
  /** Production deployments that failed or were rolled back. */
  failed: number;
  /** Distinct UTC days with at least one successful production deployment. */
  deploymentDays: number;
}

/**
 * Production deployments per ISO week, for the `weeks` complete weeks before the current
 * one and the current week last (so `weeks + 1` entries).
 */
export function productionDeploymentsPerWeek(
  deployments: readonly DeploymentFact[],
  now: Date,
  weeks = DEPLOYMENT_DAYS_WEEKS,
): WeekCount[] {
  const current = mondayOnOrBefore(utcDay(now));
  const series: WeekCount[] = [];
  for (let i = weeks; i >= 0; i -= 1) {
    series.push({
      weekStart: addDays(current, -7 * i),
      succeeded: 0,
      failed: 0,
      deploymentDays: 0,
    });
  }
  const index = new Map(series.map((w, i) => [w.weekStart, i]));
  const days = new Set<string>();
  for (const d of deployments) {
    if (!isProduction(d)) continue;
    const day = dayOf(d.finishedAt);
    const week = series[index.get(mondayOnOrBefore(day)) ?? -1];
    if (!week) continue;
    if (d.status === 'succeeded') {
      week.succeeded += 1;
      if (!days.has(day)) week.deploymentDays += 1;
      days.add(day);
    } else {
      week.failed += 1;
    }
  }
  return series;
}

export const DEPLOYMENT_DAYS_RULE = `Deployment days per week: for each ISO week (Monday to Sunday, UTC), the number of distinct days with at least one successful production deployment (several deployments on one day count once); the median over the last ${DEPLOYMENT_DAYS_WEEKS} complete weeks, weeks without any counting as 0.`;

/** Deployment-days rule: median of distinct successful production days per complete ISO week. */
export function deploymentDaysPerWeek(deployments: readonly DeploymentFact[], now: Date): number {
  return medianDeploymentDays(productionDeploymentsPerWeek(deployments, now));
}

/** The deployment-days median of a per-week series (its last entry, the current week, left out). */
function medianDeploymentDays(perWeek: readonly WeekCount[]): number {
  const complete = perWeek.slice(0, DEPLOYMENT_DAYS_WEEKS);
  return medianOf(complete.map((w) => w.deploymentDays)) ?? 0;
}

export const DAYS_SINCE_PRODUCTION_RULE =
  'Days since the last production deployment: UTC calendar days from the day the last successful production deployment finished to today (0 when it was today); none when there has been none.';

/** Days-since rule: today minus the UTC day of the last successful production deployment. */
export function daysSinceLastProductionDeployment(
  deployments: readonly DeploymentFact[],
  now: Date,
): number | null {
  let last: number | null = null;
  for (const d of deployments) {
    if (!isProductionSuccess(d)) continue;
    const n = dayNumber(dayOf(d.finishedAt));
    if (last === null || n > last) last = n;
  }
  return last === null ? null : dayNumber(utcDay(now)) - last;
}

export const CHANGE_FAILURE_RATE_RULE = `Change failure rate: production deployments that failed or were rolled back, divided by all production deployments, over the last ${KPI_WINDOW_DAYS} UTC days (today included). Counted over deployments, not changes (as Four Keys does); none when there was no production deployment.`;

/** Failure-rate rule: (failed + rolled back) / production deployments in the window, 0..1. */
export function changeFailureRate(
  deployments: readonly DeploymentFact[],
  now: Date,
): number | null {
  const today = dayNumber(utcDay(now));
  const recent = deployments.filter((d) => isProduction(d) && inWindow(d, today));
  if (recent.length === 0) return null;
  return recent.filter((d) => d.status !== 'succeeded').length / recent.length;
}

export const LEAD_TIME_RULE = `Lead time: for each version, the hours from the start of the earliest CI run of its commit (or of the run its deployment links to) to the finish of its first successful production deployment; the median over versions first deployed to production in the last ${KPI_WINDOW_DAYS} UTC days. Versions without such a run are left out; none when no version qualifies.`;

/**
 * Lead-time rule: per version, first successful production deployment minus the earliest
 * CI run of a commit it was deployed from (or a run a deployment of it links to); median, hours.
 */
export function leadTimeHours(
  deployments: readonly DeploymentFact[],
  runs: readonly RunFact[],
  now: Date,
): number | null {
  const byVersion = new Map<string, DeploymentFact[]>();
  for (const d of deployments) {
    const list = byVersion.get(d.version) ?? [];
    list.push(d);
    byVersion.set(d.version, list);
  }
  const runsById = new Map(runs.map((r) => [r.id, r]));
  // The earliest CI run start of each commit, once (not a scan of every run per version).
  const ciStartByCommit = new Map<string, number>();
  for (const r of runs) {
    if (r.provenance !== 'ci') continue;
    const at = Date.parse(r.at);
    const known = ciStartByCommit.get(r.commit);
    if (known === undefined || at < known) ciStartByCommit.set(r.commit, at);
  }
  const today = dayNumber(utcDay(now));
  const hours: number[] = [];
  for (const list of byVersion.values()) {
    const first = list
      .filter(isProductionSuccess)
      .sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt))[0];
    if (!first || !inWindow(first, today)) continue;
    const starts: number[] = [];
    for (const d of list) {
      const ci = d.commit === null ? undefined : ciStartByCommit.get(d.commit);
      if (ci !== undefined) starts.push(ci);
      const linked = d.runId === null ? undefined : runsById.get(d.runId);
      if (linked) starts.push(Date.parse(linked.at));
    }
    if (starts.length === 0) continue;
    const start = Math.min(...starts);
    const end = Date.parse(first.finishedAt);
    if (start > end) continue;
    hours.push((end - start) / 3_600_000);
  }
  return medianOf(hours);
}

/** Every deployment KPI of a project at `now`, with its rule. */
export interface DeploymentKpiValues {
  perMonth: MonthCount[];
  perWeek: WeekCount[];
  /** Median distinct deployment days per week. */
  deploymentDaysPerWeek: number;
  daysSinceLastProduction: number | null;
  /** 0..1. */
  changeFailureRate: number | null;
  leadTimeHours: number | null;
  rules: {
    perMonth: string;
    deploymentDaysPerWeek: string;
    daysSinceLastProduction: string;
    changeFailureRate: string;
    leadTimeHours: string;
  };
}

/** All deployment KPIs of one project's deployments and the runs of their commits. */
export function deploymentKpis(
  deployments: readonly DeploymentFact[],
  runs: readonly RunFact[],
  now: Date,
): DeploymentKpiValues {
  const perWeek = productionDeploymentsPerWeek(deployments, now);
  return {
    perMonth: productionDeploymentsPerMonth(deployments, now),
    perWeek,
    deploymentDaysPerWeek: medianDeploymentDays(perWeek),
    daysSinceLastProduction: daysSinceLastProductionDeployment(deployments, now),
    changeFailureRate: changeFailureRate(deployments, now),
    leadTimeHours: leadTimeHours(deployments, runs, now),
    rules: {
      perMonth: PER_MONTH_RULE,
      deploymentDaysPerWeek: DEPLOYMENT_DAYS_RULE,
      daysSinceLastProduction: DAYS_SINCE_PRODUCTION_RULE,
      changeFailureRate: CHANGE_FAILURE_RATE_RULE,
      leadTimeHours: LEAD_TIME_RULE,
    },
  };
}
