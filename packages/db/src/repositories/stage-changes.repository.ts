import type { Stage } from '@sextant/core';
import { personRef, type Executor } from './executor.js';
import { newId } from '../ids.js';

export interface StageChangeRecord {
  id: string;
  projectId: string;
  fromStage: Stage | null;
  toStage: Stage;
  note: string;
  changedBy: { id: string; name: string; email: string } | null;
  changedAt: string;
}

export class StageChangeRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    projectId: string;
    fromStage: Stage | null;
    toStage: Stage;
    note: string;
    changedBy: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('stage_changes')
      .values({
        id,
        project_id: input.projectId,
        from_stage: input.fromStage,
        to_stage: input.toStage,
        note: input.note,
        changed_by: input.changedBy,
        changed_at: input.now,
      })
      .execute();
    return id;
  }

  /** Oldest first: the history reads as a story. */
  async listForProject(projectId: string): Promise<StageChangeRecord[]> {
    const rows = await this.db
      .selectFrom('stage_changes')
      .leftJoin('users', 'users.id', 'stage_changes.changed_by')
      .select([
        'stage_changes.id',
        'stage_changes.project_id',
        'stage_changes.from_stage',
        'stage_changes.to_stage',
        'stage_changes.note',
        'stage_changes.changed_at',
        'users.id as user_id',
        'users.name as user_name',
        'users.email as user_email',
      ])
      .where('stage_changes.project_id', '=', projectId)
      .orderBy('stage_changes.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      fromStage: r.from_stage as Stage | null,
      toStage: r.to_stage as Stage,
      note: r.note,
      changedBy: personRef(r.user_id, r.user_name, r.user_email),
      changedAt: r.changed_at,
    }));
  }
}
