import type { BacklogStatus, Effort, EffortSize } from '@sextant/core';
import { personRef, type Executor } from './executor.js';
import type { BacklogItemsTable } from '../schema.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

/** What a person writes about an improvement idea. */
export interface BacklogItemFields {
  observation: string;
  proposedChange: string;
  effort: Effort;
  expectedImpact: string;
  status: BacklogStatus;
  runId: string | null;
}

export interface BacklogItemRecord extends BacklogItemFields {
  id: string;
  projectId: string;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
}

type BacklogRow = BacklogItemsTable & { creator_name: string | null; creator_email: string | null };

/** The check constraint guarantees exactly one of size and days. */
const toEffort = (row: BacklogItemsTable): Effort =>
  row.effort_size !== null
    ? { size: row.effort_size as EffortSize }
    : { days: Number(row.effort_days) };

const toItem = (row: BacklogRow): BacklogItemRecord => ({
  id: row.id,
  projectId: row.project_id,
  observation: row.observation,
  proposedChange: row.proposed_change,
  effort: toEffort(row),
  expectedImpact: row.expected_impact,
  status: row.status as BacklogStatus,
  runId: row.run_id,
  createdBy: personRef(row.created_by, row.creator_name, row.creator_email),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  statusChangedAt: row.status_changed_at,
});

const toColumns = (fields: BacklogItemFields) => ({
  observation: fields.observation,
  proposed_change: fields.proposedChange,
  effort_size: 'size' in fields.effort ? fields.effort.size : null,
  effort_days: 'days' in fields.effort ? fields.effort.days : null,
  expected_impact: fields.expectedImpact,
  status: fields.status,
  run_id: fields.runId,
});

export class BacklogRepository {
  constructor(private readonly db: Executor) {}

  private selectItems() {
    return this.db
      .selectFrom('backlog_items')
      .leftJoin('users as creator', 'creator.id', 'backlog_items.created_by')
      .selectAll('backlog_items')
      .select(['creator.name as creator_name', 'creator.email as creator_email']);
  }

  async insert(input: {
    projectId: string;
    fields: BacklogItemFields;
    createdBy: string | null;
    now: string;
  }): Promise<string> {
    const row: BacklogItemsTable = {
      id: newId(),
      project_id: input.projectId,
      ...toColumns(input.fields),
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
      status_changed_at: input.now,
    };
    await this.db.insertInto('backlog_items').values(row).execute();
    return row.id;
  }

  async findById(id: string): Promise<BacklogItemRecord | undefined> {
    const row = await this.selectItems().where('backlog_items.id', '=', id).executeTakeFirst();
    return row && toItem(row);
  }

  /** A project's items in creation order; the backlog order is a core rule applied by the caller. */
  async listForProject(projectId: string): Promise<BacklogItemRecord[]> {
    const rows = await this.selectItems()
      .where('backlog_items.project_id', '=', projectId)
      .orderBy('backlog_items.id')
      .execute();
    return rows.map(toItem);
  }

  /** `statusChangedAt` moves only when the status does. */
  async update(
    id: string,
    fields: BacklogItemFields,
    times: { now: string; statusChangedAt: string },
  ): Promise<void> {
    await this.db
      .updateTable('backlog_items')
      .set({
        ...toColumns(fields),
        updated_at: times.now,
        status_changed_at: times.statusChangedAt,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('backlog_items').where('id', '=', id).execute();
  }
}
