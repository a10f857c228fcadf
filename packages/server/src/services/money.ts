import {
  bestUnder,
  durationHours,
  metricMoney,
  type MetricMoney,
  type MoneyKpis,
  type ScoredRun,
} from '@sextant/core';
import type { BaselineRecord, CiScoreRecord, SuccessCriterionRecord } from '@sextant/db';
import { metricOfRecord, scored } from './baselines.js';

export const MONEY_RULE =
  'The best CI run of the success metric (under the baseline’s evaluation strategy) in money: events caught × cost of a missed event − N interventions × cost of an intervention, per period and per year; today’s process on the same terms; the difference is (best − today) × cost of a missed event.';

export type CriterionMoney =
  | { money: MetricMoney; missing: null }
  | { money: null; missing: NonNullable<MoneyKpis['missing']> };

/**
 * The success metric in money (core `metricMoney`): `best` events caught per period against
 * today's process (the scope's current figure), on the criterion's value model and test
 * window. Only a hit rate@N with a value model and a CI value has money; `missing` says
 * which of these is lacking.
 */
export function criterionMoney(
  criterion: SuccessCriterionRecord | undefined,
  currentCaught: number | null,
  best: number | null,
): CriterionMoney {
  if (!criterion) return { money: null, missing: 'no_criterion' };
  if (criterion.metric.kind !== 'hit_rate_at_n') return { money: null, missing: 'not_hit_rate' };
  if (!criterion.valueModel) return { money: null, missing: 'no_value_model' };
  if (best === null) return { money: null, missing: 'no_ci_run' };
  return {
    money: metricMoney({
      caught: best,
      currentCaught,
      threshold: criterion.threshold,
      n: criterion.metric.n,
      periodHours: durationHours(criterion.evaluation.testWindow),
      value: criterion.valueModel,
    }),
    missing: null,
  };
}

/** Whether the criterion can be worth money at all: a hit rate@N with a value model. */
export function hasValueModel(criterion: SuccessCriterionRecord | undefined): boolean {
  return criterion?.metric.kind === 'hit_rate_at_n' && criterion.valueModel !== null;
}

/**
 * The project's best CI run of the success metric, compared under one strategy: the current
 * baseline's, or the criterion's before there is a baseline (as the review does).
 */
export function bestCiRun(
  runs: readonly CiScoreRecord[],
  criterion: SuccessCriterionRecord | undefined,
  baseline: BaselineRecord | undefined,
): ScoredRun | null {
  const metric = metricOfRecord(criterion);
  if (!metric) return null;
  const reference = baseline ? baseline.evaluationFingerprint : metric.fingerprint;
  return bestUnder(scored(runs, metric.name), reference, metric.direction);
}
