import type { GoalDirection, QuantifiedGoal } from '@sextant/core';
import type { Executor } from './executor.js';
import type { GoalsTable } from '../schema.js';
import { newId } from '../ids.js';

export interface GoalRecord extends QuantifiedGoal {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
}

export const toGoal = (row: GoalsTable): GoalRecord => ({
  id: row.id,
  projectId: row.project_id,
  statement: row.statement,
  metric: row.metric,
  direction: row.direction as GoalDirection,
  baseline: row.baseline,
  target: row.target,
  targetChangePct: row.target_change_pct,
  deadline: row.deadline,
  unit: row.unit,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (goal: QuantifiedGoal) => ({
  statement: goal.statement,
  metric: goal.metric,
  direction: goal.direction,
  baseline: goal.baseline,
  target: goal.target,
  target_change_pct: goal.targetChangePct,
  deadline: goal.deadline,
  unit: goal.unit,
});

export class GoalRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    projectId: string;
    goal: QuantifiedGoal;
    createdBy: string | null;
    now: string;
  }): Promise<GoalRecord> {
    const row: GoalsTable = {
      id: newId(),
      project_id: input.projectId,
      ...toColumns(input.goal),
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
    };
    await this.db.insertInto('goals').values(row).execute();
    return toGoal(row);
  }

  /** Oldest first. */
  async listForProject(projectId: string): Promise<GoalRecord[]> {
    const rows = await this.db
      .selectFrom('goals')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute();
    return rows.map(toGoal);
  }

  /** A goal by id (access to its project is checked before: routes by goal id). */
  async findById(goalId: string): Promise<GoalRecord | undefined> {
    const row = await this.db
      .selectFrom('goals')
      .selectAll()
      .where('id', '=', goalId)
      .executeTakeFirst();
    return row && toGoal(row);
  }

  /** The goal only if it belongs to this project: another project's goal is "not found". */
  async findInProject(projectId: string, goalId: string): Promise<GoalRecord | undefined> {
    const row = await this.db
      .selectFrom('goals')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', goalId)
      .executeTakeFirst();
    return row && toGoal(row);
  }

  async update(goalId: string, goal: QuantifiedGoal, now: string): Promise<void> {
    await this.db
      .updateTable('goals')
      .set({ ...toColumns(goal), updated_at: now })
      .where('id', '=', goalId)
      .execute();
  }

  async delete(goalId: string): Promise<void> {
    await this.db.deleteFrom('goals').where('id', '=', goalId).execute();
  }
}
