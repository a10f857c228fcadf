import type { Decision } from '@sextant/core';
import { personRef, type Executor } from './executor.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

export interface DecisionRecord {
  id: string;
  sprintId: string;
  projectId: string;
  decision: Decision;
  rationale: string;
  decidedBy: PersonRef | null;
  stageFrom: string | null;
  stageTo: string | null;
  createdAt: string;
  /** Taken on a closed sprint: the `takenAt` of the record it was taken on. */
  recordTakenAt: string | null;
}

/** Sprint-review decisions; a later decision on the same sprint supersedes, never erases. */
export class DecisionRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    sprintId: string;
    projectId: string;
    decision: Decision;
    rationale: string;
    decidedBy: string | null;
    stageFrom: string | null;
    stageTo: string | null;
    recordTakenAt: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('sprint_decisions')
      .values({
        id,
        sprint_id: input.sprintId,
        project_id: input.projectId,
        decision: input.decision,
        rationale: input.rationale,
        decided_by: input.decidedBy,
        stage_from: input.stageFrom,
        stage_to: input.stageTo,
        record_taken_at: input.recordTakenAt,
        created_at: input.now,
      })
      .execute();
    return id;
  }

  async listForProject(projectId: string): Promise<DecisionRecord[]> {
    const rows = await this.db
      .selectFrom('sprint_decisions')
      .leftJoin('users', 'users.id', 'sprint_decisions.decided_by')
      .selectAll('sprint_decisions')
      .select(['users.name as decider_name', 'users.email as decider_email'])
      .where('sprint_decisions.project_id', '=', projectId)
      .orderBy('sprint_decisions.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      sprintId: row.sprint_id,
      projectId: row.project_id,
      decision: row.decision as Decision,
      rationale: row.rationale,
      decidedBy: personRef(row.decided_by, row.decider_name, row.decider_email),
      stageFrom: row.stage_from,
      stageTo: row.stage_to,
      createdAt: row.created_at,
      recordTakenAt: row.record_taken_at,
    }));
  }

  /** The decision in force for a sprint: the latest one recorded. */
  async latestForSprint(projectId: string, sprintId: string): Promise<DecisionRecord | undefined> {
    return (await this.listForProject(projectId)).filter((d) => d.sprintId === sprintId).at(-1);
  }
}
