import type { Executor } from './executor.js';
import { newId } from '../ids.js';

export type BaselineReason = 'first_ci_run' | 'sprint_close';

export interface BaselineRecord {
  id: string;
  projectId: string;
  runId: string;
  metricName: string;
  value: number;
  evaluationFingerprint: string | null;
  reason: BaselineReason;
  sprintId: string | null;
  createdAt: string;
}

/** A project's baselines in the order they were set; the last one is in force. */
export class BaselineRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: Omit<BaselineRecord, 'id'>): Promise<BaselineRecord> {
    const record = { ...input, id: newId() };
    await this.db
      .insertInto('baselines')
      .values({
        id: record.id,
        project_id: record.projectId,
        run_id: record.runId,
        metric_name: record.metricName,
        value: record.value,
        evaluation_fingerprint: record.evaluationFingerprint,
        reason: record.reason,
        sprint_id: record.sprintId,
        created_at: record.createdAt,
      })
      .execute();
    return record;
  }

  listForProject(projectId: string): Promise<BaselineRecord[]> {
    return this.listForProjects([projectId]);
  }

  /** The baselines of several projects (the portfolio), oldest first. */
  async listForProjects(projectIds: readonly string[]): Promise<BaselineRecord[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('baselines')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      runId: row.run_id,
      metricName: row.metric_name,
      value: Number(row.value),
      evaluationFingerprint: row.evaluation_fingerprint,
      reason: row.reason as BaselineReason,
      sprintId: row.sprint_id,
      createdAt: row.created_at,
    }));
  }

  async current(projectId: string): Promise<BaselineRecord | undefined> {
    return (await this.listForProject(projectId)).at(-1);
  }
}
