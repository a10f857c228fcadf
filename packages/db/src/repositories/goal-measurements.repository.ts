import type { Provenance } from '@sextant/core';
import { personRef, type Executor } from './executor.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

export interface GoalMeasurementRecord {
  id: string;
  goalId: string;
  projectId: string;
  value: number;
  measuredAt: string;
  source: string;
  note: string | null;
  provenance: Provenance;
  postedBy: PersonRef | null;
  tokenId: string | null;
  createdAt: string;
}

export class GoalMeasurementRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    goalId: string;
    projectId: string;
    value: number;
    measuredAt: string;
    source: string;
    note: string | null;
    provenance: Provenance;
    postedBy: string | null;
    tokenId: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('goal_measurements')
      .values({
        id,
        goal_id: input.goalId,
        project_id: input.projectId,
        value: input.value,
        measured_at: input.measuredAt,
        source: input.source,
        note: input.note,
        provenance: input.provenance,
        posted_by: input.postedBy,
        token_id: input.tokenId,
        created_at: input.now,
      })
      .execute();
    return id;
  }

  /** A goal's measurements, oldest first (by when they were measured). */
  async listForGoal(goalId: string): Promise<GoalMeasurementRecord[]> {
    const rows = await this.db
      .selectFrom('goal_measurements')
      .leftJoin('users', 'users.id', 'goal_measurements.posted_by')
      .selectAll('goal_measurements')
      .select(['users.name as poster_name', 'users.email as poster_email'])
      .where('goal_measurements.goal_id', '=', goalId)
      .orderBy('goal_measurements.measured_at')
      .orderBy('goal_measurements.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      goalId: row.goal_id,
      projectId: row.project_id,
      value: row.value,
      measuredAt: row.measured_at,
      source: row.source,
      note: row.note,
      provenance: row.provenance as Provenance,
      postedBy: personRef(row.posted_by, row.poster_name, row.poster_email),
      tokenId: row.token_id,
      createdAt: row.created_at,
    }));
  }
}
