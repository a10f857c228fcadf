/**
 * KPI 5, actionable insights delivered: per month and per quarter, how many insights the
 * business accepted, how many were implemented, and the estimated value of the accepted ones.
 */
import type { InsightStatus } from './insights.js';
import { sumByCurrency, type CurrencyAmount } from './money.js';
import {
  monthBounds,
  monthOf,
  monthsBetween,
  quarterBounds,
  quarterOf,
  quartersBetween,
} from './periods.js';

export type { CurrencyAmount } from './money.js';

/** What the KPIs need of an insight. */
export interface InsightForKpi {
  status: InsightStatus;
  acceptedAt: string | null;
  implementedAt: string | null;
  /** The estimated value, or null when none was given. */
  estimatedValue: CurrencyAmount | null;
}

export const INSIGHTS_DELIVERED_RULE =
  'Delivered in a period: insights now accepted or implemented whose accepted day falls in it; ' +
  'an insight counts once, in the period it was accepted (rejected ones do not count).';
export const INSIGHTS_IMPLEMENTED_RULE =
  'Implemented in a period: insights whose implemented day falls in it.';
export const INSIGHTS_VALUE_RULE =
  'Value of a period: the sum of the estimated values of the insights delivered in it, per currency ' +
  '(values in different currencies are never added together).';
export const INSIGHTS_THIS_QUARTER_RULE =
  'Delivered this quarter: insights delivered in the calendar quarter (UTC) of today.';

export interface InsightPeriodKpi {
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  start: string;
  end: string;
  delivered: number;
  implemented: number;
  /** Per currency, alphabetical; empty when no delivered insight has a value. */
  value: CurrencyAmount[];
}

export interface InsightKpis {
  /** From the first month with an accepted or implemented insight to today's month. */
  months: InsightPeriodKpi[];
  quarters: InsightPeriodKpi[];
  thisQuarter: string;
  deliveredThisQuarter: number;
  valueThisQuarter: CurrencyAmount[];
  rules: { delivered: string; implemented: string; value: string; thisQuarter: string };
}

/** Delivered rule: accepted or implemented now, counted by the day it was accepted. */
export function isDeliveredInsight<T extends Pick<InsightForKpi, 'status' | 'acceptedAt'>>(
  insight: T,
): insight is T & { acceptedAt: string } {
  return (
    (insight.status === 'accepted' || insight.status === 'implemented') &&
    insight.acceptedAt !== null
  );
}

function periodKpi(
  period: string,
  bounds: { start: string; end: string },
  insights: readonly InsightForKpi[],
  periodOf: (day: string) => string,
): InsightPeriodKpi {
  const delivered = insights.filter(
    (i) => isDeliveredInsight(i) && periodOf(i.acceptedAt) === period,
  );
  return {
    period,
    ...bounds,
    delivered: delivered.length,
    implemented: insights.filter(
      (i) => i.implementedAt !== null && periodOf(i.implementedAt) === period,
    ).length,
    value: sumByCurrency(delivered.flatMap((i) => (i.estimatedValue ? [i.estimatedValue] : []))),
  };
}

/** Insights delivered in `today`'s quarter (INSIGHTS_THIS_QUARTER_RULE), and that quarter. */
export function deliveredThisQuarter(
  insights: readonly Pick<InsightForKpi, 'status' | 'acceptedAt'>[],
  today: string,
): { quarter: string; delivered: number } {
  const quarter = quarterOf(today);
  const delivered = insights.filter(
    (i) => isDeliveredInsight(i) && quarterOf(i.acceptedAt) === quarter,
  ).length;
  return { quarter, delivered };
}

/**
 * The insight KPIs per month and per quarter, from the first month an insight was accepted or
 * implemented to `today`'s month (just today's month and quarter when there is none yet).
 */
export function computeInsightKpis(insights: readonly InsightForKpi[], today: string): InsightKpis {
  const days = insights
    .flatMap((i) => [isDeliveredInsight(i) ? i.acceptedAt : null, i.implementedAt])
    .filter((d): d is string => d !== null)
    .sort();
  const first = days[0] ?? today;
  const latest = days.at(-1);
  const last = latest !== undefined && latest > today ? latest : today;
  const months = monthsBetween(monthOf(first), monthOf(last)).map((m) =>
    periodKpi(m, monthBounds(m), insights, monthOf),
  );
  const quarters = quartersBetween(quarterOf(first), quarterOf(last)).map((q) =>
    periodKpi(q, quarterBounds(q), insights, quarterOf),
  );
  const thisQuarter = quarterOf(today);
  const current = quarters.find((q) => q.period === thisQuarter);
  return {
    months,
    quarters,
    thisQuarter,
    deliveredThisQuarter: current?.delivered ?? 0,
    valueThisQuarter: current?.value ?? [],
    rules: {
      delivered: INSIGHTS_DELIVERED_RULE,
      implemented: INSIGHTS_IMPLEMENTED_RULE,
      value: INSIGHTS_VALUE_RULE,
      thisQuarter: INSIGHTS_THIS_QUARTER_RULE,
    },
  };
}
