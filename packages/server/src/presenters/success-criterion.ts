import { criterionMetricName, type SuccessCriterion } from '@sextant/core';
import type { SuccessCriterionRecord } from '@sextant/db';

export const presentCriterion = (c: SuccessCriterionRecord): SuccessCriterion => ({
  projectId: c.projectId,
  metric: c.metric,
  metricName: criterionMetricName(c.metric),
  threshold: c.threshold,
  evaluation: c.evaluation,
  evaluationFingerprint: c.evaluationFingerprint,
  valueModel: c.valueModel,
  updatedAt: c.updatedAt,
});
