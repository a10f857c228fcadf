import { roundMoney } from './money.js';
import { formatMetricText, formatMoneyShort, formatMoneyText } from './numbers-format.js';

import type { EvaluationValueModel } from './hit-rate.js';

/** A value model with its currency: what a missed event costs, and one intervention. */
type ValueModel = EvaluationValueModel & { currency: string };

/** An amount of money per period of the metric and per year. */
export interface Worth {
  perPeriod: number;
  perYear: number;
}

export interface MetricMoney {
  currency: string;
  /** "day", "week", or "12 h": the metric's period. */
  period: string;
  periodsPerYear: number;
  /** The model's value (its best CI run). */
  model: Worth;
  /** Today's process on the same terms; null when the scope states no current figure. */
  current: Worth | null;
  /** model − current; null without a current figure. */
  difference: Worth | null;
  /** At the success threshold: what reaching it would be worth. */
  atThreshold: Worth | null;
  /** The sentence the review, report and overview show. */
  text: string;
}

const HOURS_PER_YEAR = 365 * 24;

/**
 * A hit rate@N in money, per period: `caught × cost of a missed event − N × cost of an
 * intervention` (the N highest-scored items are acted on each period; the hit rate counts
 * the events among them). Today's process is valued on the same terms, with the same N
 * interventions, so the difference is `(model − today) × cost of a missed event`.
 */
export function worthPerPeriod(caught: number, n: number, value: ValueModel): number {
  return caught * value.costMissed - n * value.costIntervention;
}

function periodName(hours: number): string {
  if (hours === 24) return 'day';
  if (hours === 168) return 'week';
  if (hours % 24 === 0) return `${hours / 24} days`;
  return `${hours} h`;
}

/** "a day", "a week", but "every 28 days", "every 12 h": how often a period's money comes. */
export function perPeriodText(period: string): string {
  return /^\d/.test(period) ? `every ${period}` : `a ${period}`;
}

export function metricMoney(input: {
  /** The model's figure: the best CI run's hit rate@N (events caught per period). */
  caught: number;
  /** Today's process's figure on the same metric, if the scope states one. */
  currentCaught: number | null;
  threshold: number | null;
  n: number;
  periodHours: number;
  value: ValueModel;
}): MetricMoney {
  const { caught, currentCaught, threshold, n, periodHours, value } = input;
  const periodsPerYear = HOURS_PER_YEAR / periodHours;
  const worth = (perPeriod: number): Worth => ({
    perPeriod: roundMoney(perPeriod),
    perYear: roundMoney(perPeriod * periodsPerYear),
  });
  const model = worth(worthPerPeriod(caught, n, value));
  const current = currentCaught === null ? null : worth(worthPerPeriod(currentCaught, n, value));
  const difference =
    currentCaught === null ? null : worth((caught - currentCaught) * value.costMissed);
  const period = periodName(periodHours);
  const every = perPeriodText(period);
  const money = (amount: number, signed = false) => formatMoneyText(amount, value.currency, signed);
  const short = (amount: number, signed = false) =>
    formatMoneyShort(amount, value.currency, signed);
  const text =
    difference && currentCaught !== null
      ? `${formatMetricText(caught)} caught ${every} against ${formatMetricText(currentCaught)} today: ` +
        `${money(difference.perPeriod, true)} ${every}, about ${short(difference.perYear, true)} a year`
      : `${formatMetricText(caught)} caught ${every}: worth ${money(model.perPeriod)} ${every} ` +
        `after ${n} interventions, about ${short(model.perYear)} a year`;
  return {
    currency: value.currency,
    period,
    periodsPerYear,
    model,
    current,
    difference,
    atThreshold: threshold === null ? null : worth(worthPerPeriod(threshold, n, value)),
    text,
  };
}
