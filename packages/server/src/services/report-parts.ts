import { criterionMetricName } from '@sextant/core';
import { effortDays, formatMoneyText } from '@sextant/core';
import type { BacklogItemRecord, SuccessCriterionRecord } from '@sextant/db';
import type { CriterionSummary, ReportBacklogItem } from '../reports/review-report.js';

/** How many open backlog items the report lists as next steps. */
export const REPORT_BACKLOG_ITEMS = 5;

export function summarizeCriterion(criterion: SuccessCriterionRecord): CriterionSummary {
  const { metric, evaluation, valueModel } = criterion;
  const e = evaluation;
  return {
    metricName: criterionMetricName(metric),
    metricText:
      metric.kind === 'hit_rate_at_n'
        ? `hit rate@${metric.n} (events among the ${metric.n} top-scored per period)`
        : metric.name,
    direction: metric.kind === 'hit_rate_at_n' ? 'increase' : metric.direction,
    threshold: criterion.threshold,
    evaluation:
      `${e.trainWindow} train window${e.trainSize ? ` of ${e.trainSize}` : ''}, ` +
      `test window ${e.testWindow}, step ${e.step}${e.horizon ? `, horizon ${e.horizon}` : ''}`,
    evaluationFingerprint: criterion.evaluationFingerprint,
    valueModel: valueModel
      ? `missed event ${formatMoneyText(valueModel.costMissed, valueModel.currency)}, intervention ${formatMoneyText(valueModel.costIntervention, valueModel.currency)}`
      : null,
  };
}

export function summarizeBacklogItem(item: BacklogItemRecord): ReportBacklogItem {
  const days = effortDays(item.effort);
  const daysText = `${days} day${days === 1 ? '' : 's'}`;
  return {
    proposedChange: item.proposedChange,
    observation: item.observation,
    effort: 'size' in item.effort ? `${item.effort.size} (${daysText})` : daysText,
    expectedImpact: item.expectedImpact,
    status: item.status.replace(/_/g, ' '),
  };
}
