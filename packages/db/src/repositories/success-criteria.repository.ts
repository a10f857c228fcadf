import type { GoalDirection, TrainWindow } from '@sextant/core';
import type { Executor } from './executor.js';
import type { SuccessCriteriaTable } from '../schema.js';

export type CriterionMetric =
  { kind: 'hit_rate_at_n'; n: number } | { kind: 'named'; name: string; direction: GoalDirection };

export interface SuccessCriterionRecord {
  projectId: string;
  metric: CriterionMetric;
  threshold: number;
  evaluation: {
    trainWindow: TrainWindow;
    trainSize: string | null;
    testWindow: string;
    step: string;
    horizon: string | null;
  };
  evaluationFingerprint: string;
  valueModel: { costMissed: number; costIntervention: number; currency: string } | null;
  updatedAt: string;
}

const toRecord = (row: SuccessCriteriaTable): SuccessCriterionRecord => ({
  projectId: row.project_id,
  metric:
    row.metric_kind === 'hit_rate_at_n'
      ? { kind: 'hit_rate_at_n', n: row.metric_n ?? 0 }
      : {
          kind: 'named',
          name: row.metric_name ?? '',
          direction: row.metric_direction as GoalDirection,
        },
  threshold: row.threshold,
  evaluation: {
    trainWindow: row.train_window as TrainWindow,
    trainSize: row.train_size,
    testWindow: row.test_window,
    step: row.step,
    horizon: row.horizon,
  },
  evaluationFingerprint: row.evaluation_fingerprint,
  valueModel:
    row.cost_missed !== null && row.cost_intervention !== null && row.currency !== null
      ? {
          costMissed: row.cost_missed,
          costIntervention: row.cost_intervention,
          currency: row.currency,
        }
      : null,
  updatedAt: row.updated_at,
});

export class SuccessCriterionRepository {
  constructor(private readonly db: Executor) {}

  async find(projectId: string): Promise<SuccessCriterionRecord | undefined> {
    return (await this.listForProjects([projectId]))[0];
  }

  /** The criteria of several projects (the portfolio). */
  async listForProjects(projectIds: readonly string[]): Promise<SuccessCriterionRecord[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('success_criteria')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .execute();
    return rows.map(toRecord);
  }

  /** One criterion per project: a second PUT replaces the first. */
  async upsert(record: SuccessCriterionRecord, updatedBy: string | null): Promise<void> {
    const { metric, evaluation, valueModel } = record;
    const columns = {
      metric_kind: metric.kind,
      metric_n: metric.kind === 'hit_rate_at_n' ? metric.n : null,
      metric_name: metric.kind === 'named' ? metric.name : null,
      metric_direction: metric.kind === 'named' ? metric.direction : 'increase',
      threshold: record.threshold,
      train_window: evaluation.trainWindow,
      train_size: evaluation.trainSize,
      test_window: evaluation.testWindow,
      step: evaluation.step,
      horizon: evaluation.horizon,
      evaluation_fingerprint: record.evaluationFingerprint,
      cost_missed: valueModel?.costMissed ?? null,
      cost_intervention: valueModel?.costIntervention ?? null,
      currency: valueModel?.currency ?? null,
      updated_by: updatedBy,
      updated_at: record.updatedAt,
    };
    await this.db
      .insertInto('success_criteria')
      .values({ project_id: record.projectId, ...columns })
      .onConflict((oc) => oc.column('project_id').doUpdateSet(columns))
      .execute();
  }
}
