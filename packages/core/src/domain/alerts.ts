import { formatDayText } from './date-format.js';
import { formatMetricText } from './numbers-format.js';
import { DELIVERY_WARNING_RULES, type DeliveryWarning } from './delivery-warnings.js';
import { addCalendarMonths } from './dates.js';
import type { Stage } from './stage.js';
import { PRODUCTION_SETTINGS, isDisagreementRising } from './production.js';
import { dayNumber } from './sprint.js';
import type { BusinessGoalProgress } from './goal-progress.js';

/** Each alert's threshold, as a named setting. */
export const ALERT_SETTINGS = {
  /** In production, a successful production deployment is due at least this often. */
  maxDaysWithoutProductionDeployment: 60,
  /** After the POC, an insight is due every quarter; not before this many days past the POC. */
  insightGraceDays: 30,
  /** The ROI must be projected to break even within this many months of entering production. */
  breakEvenWithinMonths: 24,
} as const;

export type AlertSettings = { -readonly [K in keyof typeof ALERT_SETTINGS]: number };

export const PROJECT_ALERT_RULES = [
  'no_named_user',
  'goal_missing',
  'goal_not_quantifiable',
  'no_ci_baseline',
  'no_production_deployment',
  'no_insight_this_quarter',
  'roi_no_break_even',
  'operator_disagreement_rising',
  'goal_off_pace',
] as const;

export const ALERT_RULES = [...PROJECT_ALERT_RULES, ...DELIVERY_WARNING_RULES] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** Red: the project is off track now. Amber: it will be unless someone acts. */
export type AlertSeverity = 'red' | 'amber';
export type ProjectHealth = 'green' | 'amber' | 'red';

/**
 * Where to act, as a path of the web app. `change`: acting there changes the project, which
 * only a member may do; `open`: the page shows the matter to anyone who reads the project.
 */
export interface AlertAction {
  label: string;
  path: string;
  kind: 'change' | 'open';
}

export interface Alert {
  rule: AlertRule;
  /** What it is about, so the same alert is recognised from one judgement to the next. */
  subjectKey: string;
  severity: AlertSeverity;
  message: string;
  /** The numbers behind it. */
  details: Record<string, unknown>;
  action: AlertAction;
}

/** An alert as it stands open: its stored id and since when it has held. */
export type OpenAlert = Alert & { id: string; since: string };

/** What the rules judge, gathered by the service. Dates are UTC days (YYYY-MM-DD). */
export interface ProjectAlertFacts {
  projectId: string;
  today: string;
  stage: Stage;
  /** The day the project entered its current stage (its creation day for scoping). */
  stageSince: string;
  /** The day it entered production, if it ever did. */
  productionSince: string | null;
  /** The day it left the POC (entered productization), if it did. */
  pocEndedOn: string | null;
  namedUsers: number;
  goals: { count: number; quantifiable: number };
  runs: { total: number; ci: number; hasCiBaseline: boolean; closedSprints: number };
  deployments: { lastProductionSuccess: string | null };
  insights: { deliveredThisQuarter: number; quarter: string };
  roi: {
    /** Ledger entries recorded: without any, nothing is projected. */
    entries: number;
    breakEvenDate: string | null;
    /** Why there is no break-even date ("not in sight: …"), when there is none. */
    reason: string | null;
  };
  /** The delivery warnings (sprints and the evaluation strategy), judged by their own rules. */
  delivery: readonly DeliveryWarning[];
  /** Operator disagreement rates of the last days with predictions, oldest first. */
  production: { disagreement: readonly number[] };
  /** Each measured business goal's pace (businessGoalProgress); none unmeasured. */
  goalPace: readonly GoalPace[];
}

/** A business goal's pace, as its measurements put it. */
export interface GoalPace {
  goalId: string;
  statement: string;
  target: number;
  deadline: string;
  unit: string;
  status: BusinessGoalProgress['status'];
  projectedAtDeadline: number | null;
}

const DELIVERY_SEVERITY: Record<(typeof DELIVERY_WARNING_RULES)[number], AlertSeverity> = {
  low_delivery_streak: 'red',
  person_not_delivering: 'amber',
  sprint_overdue: 'amber',
  sprint_empty: 'amber',
  evaluation_changed: 'amber',
};

const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

const OPEN_STAGES: readonly Stage[] = ['scoping', 'poc', 'productization', 'production'];

/**
 * Every alert that holds for the project today: the project rules below plus the delivery
 * warnings, each with why (numbers), its severity and where to act. Closed projects
 * (retired, dropped) raise none.
 */
export function evaluateAlerts(
  facts: ProjectAlertFacts,
  settings: AlertSettings = ALERT_SETTINGS,
): Alert[] {
  if (!OPEN_STAGES.includes(facts.stage)) return [];
  const base = `/projects/${facts.projectId}`;
  const pastScoping = facts.stage !== 'scoping';
  const alerts: Alert[] = [];

  if (facts.namedUsers === 0) {
    alerts.push({
      rule: 'no_named_user',
      subjectKey: 'project',
      severity: pastScoping ? 'red' : 'amber',
      message: `No named user: nobody has been named who will use the solution${pastScoping ? `, and the project is already in ${facts.stage}` : ''}.`,
      details: { namedUsers: 0, stage: facts.stage },
      action: { label: 'Name a user in the scope', path: base, kind: 'change' },
    });
  }

  if (facts.goals.count === 0) {
    alerts.push({
      rule: 'goal_missing',
      subjectKey: 'project',
      severity: pastScoping ? 'red' : 'amber',
      message: 'No goal: the project has no business goal to be judged by.',
      details: { goals: 0, stage: facts.stage },
      action: { label: 'Add a quantifiable goal', path: `${base}#goals`, kind: 'change' },
    });
  } else if (facts.goals.quantifiable === 0) {
    alerts.push({
      rule: 'goal_not_quantifiable',
      subjectKey: 'project',
      severity: pastScoping ? 'red' : 'amber',
      message: `No quantifiable goal: none of the ${facts.goals.count} goal${facts.goals.count === 1 ? '' : 's'} has a metric, a baseline, a target beyond it and a deadline not in the past.`,
      details: { goals: facts.goals.count, quantifiable: 0 },
      action: { label: 'Make a goal quantifiable', path: `${base}#goals`, kind: 'change' },
    });
  }

  if (facts.runs.total > 0 && !facts.runs.hasCiBaseline && facts.runs.closedSprints >= 1) {
    alerts.push({
      rule: 'no_ci_baseline',
      subjectKey: 'project',
      severity: 'amber',
      message: `No CI baseline after ${facts.runs.closedSprints} closed sprint${facts.runs.closedSprints === 1 ? '' : 's'}: ${
        facts.runs.ci === 0
          ? `${facts.runs.total} run${facts.runs.total === 1 ? ' was' : 's were'} posted, none by CI with the project’s CI token, so no number counts yet.`
          : `none of the ${facts.runs.ci} CI run${facts.runs.ci === 1 ? '' : 's'} reports the success criterion’s metric (or there is no criterion yet).`
      }`,
      details: {
        runs: facts.runs.total,
        ciRuns: facts.runs.ci,
        closedSprints: facts.runs.closedSprints,
      },
      action: { label: 'Report runs from CI', path: `${base}/runs`, kind: 'change' },
    });
  }

  if (facts.stage === 'production') {
    const since =
      facts.deployments.lastProductionSuccess ?? facts.productionSince ?? facts.stageSince;
    const days = daysBetween(since, facts.today);
    if (days > settings.maxDaysWithoutProductionDeployment) {
      const last = facts.deployments.lastProductionSuccess;
      alerts.push({
        rule: 'no_production_deployment',
        subjectKey: 'project',
        severity: 'red',
        message: last
          ? `No production deployment for ${days} days (the last succeeded on ${last}; due every ${settings.maxDaysWithoutProductionDeployment} days).`
          : `No production deployment in the ${days} days since the project entered production (due every ${settings.maxDaysWithoutProductionDeployment} days).`,
        details: {
          days,
          threshold: settings.maxDaysWithoutProductionDeployment,
          lastProductionSuccess: last,
        },
        action: { label: 'Deployments', path: `${base}/deployments`, kind: 'open' },
      });
    }
  }

  if (
    (facts.stage === 'productization' || facts.stage === 'production') &&
    facts.pocEndedOn !== null &&
    daysBetween(facts.pocEndedOn, facts.today) > settings.insightGraceDays &&
    facts.insights.deliveredThisQuarter === 0
  ) {
    alerts.push({
      rule: 'no_insight_this_quarter',
      subjectKey: facts.insights.quarter,
      severity: 'amber',
      message: `No actionable insight delivered in ${facts.insights.quarter}: since the POC ended on ${formatDayText(facts.pocEndedOn)}, the business should get at least one each quarter.`,
      details: { quarter: facts.insights.quarter, delivered: 0, pocEndedOn: facts.pocEndedOn },
      action: { label: 'Insights', path: `${base}/insights`, kind: 'open' },
    });
  }

  if (facts.stage === 'production' && facts.productionSince !== null && facts.roi.entries > 0) {
    const deadline = addCalendarMonths(facts.productionSince, settings.breakEvenWithinMonths);
    const breakEven = facts.roi.breakEvenDate;
    if (breakEven === null || breakEven > deadline) {
      alerts.push({
        rule: 'roi_no_break_even',
        subjectKey: 'project',
        severity: 'red',
        message: breakEven
          ? `ROI breaks even only on ${breakEven} at the recent trend, after ${deadline} (${settings.breakEvenWithinMonths} months from production on ${facts.productionSince}).`
          : `ROI is not projected to break even (${facts.roi.reason ?? 'not in sight'}); it should by ${deadline}, ${settings.breakEvenWithinMonths} months from production on ${facts.productionSince}.`,
        details: {
          breakEvenDate: breakEven,
          deadline,
          productionSince: facts.productionSince,
          months: settings.breakEvenWithinMonths,
        },
        action: { label: 'ROI', path: `${base}/roi`, kind: 'open' },
      });
    }
  }

  if (isDisagreementRising(facts.production.disagreement)) {
    const rates = facts.production.disagreement.slice(
      -PRODUCTION_SETTINGS.disagreementRisingPeriods,
    );
    alerts.push({
      rule: 'operator_disagreement_rising',
      subjectKey: 'project',
      severity: 'amber',
      message: `Operators disagree more and more with the model: ${rates.map((r) => `${Math.round(r * 100)}%`).join(' → ')} over the last ${rates.length} days with predictions.`,
      details: { rates, periods: PRODUCTION_SETTINGS.disagreementRisingPeriods },
      action: { label: 'Production', path: `${base}/production`, kind: 'open' },
    });
  }

  for (const goal of facts.goalPace) {
    if (goal.status !== 'off_pace' || goal.projectedAtDeadline === null) continue;
    const projected = formatMetricText(goal.projectedAtDeadline);
    alerts.push({
      rule: 'goal_off_pace',
      subjectKey: goal.goalId,
      severity: 'amber',
      message: `"${goal.statement}" will not reach its target by the deadline at this pace: about ${projected} ${goal.unit} on ${formatDayText(goal.deadline)} against ${formatMetricText(goal.target)} ${goal.unit}.`,
      details: {
        goalId: goal.goalId,
        projectedAtDeadline: goal.projectedAtDeadline,
        target: goal.target,
        deadline: goal.deadline,
      },
      action: { label: 'Goals', path: `${base}#goals`, kind: 'open' },
    });
  }

  for (const warning of facts.delivery) {
    alerts.push({
      ...warning,
      severity: DELIVERY_SEVERITY[warning.rule],
      action:
        warning.rule === 'evaluation_changed'
          ? { label: 'Runs', path: `${base}/runs`, kind: 'open' }
          : { label: 'Sprints', path: `${base}/sprints`, kind: 'open' },
    });
  }
  return alerts;
}

export interface HealthJudgement {
  health: ProjectHealth;
  reasons: string[];
}

/** Red when any open alert is red, amber when any is amber, green otherwise; the reasons say which. */
export function judgeHealth(
  alerts: readonly Pick<Alert, 'severity' | 'message'>[],
): HealthJudgement {
  const red = alerts.filter((a) => a.severity === 'red');
  const amber = alerts.filter((a) => a.severity === 'amber');
  if (red.length > 0) return { health: 'red', reasons: red.map((a) => a.message) };
  if (amber.length > 0) return { health: 'amber', reasons: amber.map((a) => a.message) };
  return { health: 'green', reasons: ['No open alerts.'] };
}

export const HEALTH_RULE =
  'Red when any open alert is red (off track now), amber when any is amber (will be unless someone acts), green when none is open.';
