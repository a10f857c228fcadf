import type { DeliverableType, StoryOutcome, StoryStatus } from '@sextant/core';
import { personRef, toBool, type Executor } from './executor.js';
import type { StoriesTable } from '../schema.js';
import { newId } from '../ids.js';
import type { ExternalRef } from './sprints.repository.js';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export interface StoryRecord {
  id: string;
  projectId: string;
  sprintId: string;
  title: string;
  deliverable: { type: DeliverableType; description: string };
  assignee: PersonRef | null;
  status: StoryStatus;
  points: number | null;
  position: number;
  addedAfterStart: boolean;
  outcome: StoryOutcome | null;
  carriedFromId: string | null;
  carriedToId: string | null;
  correction: { reason: string; by: PersonRef | null; at: string } | null;
  external: ExternalRef | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a story is created or edited with. */
export interface StoryFields {
  title: string;
  deliverableType: DeliverableType;
  deliverableDescription: string;
  assigneeId: string | null;
  status: StoryStatus;
  points: number | null;
}

type StoryRow = StoriesTable & {
  assignee_name: string | null;
  assignee_email: string | null;
  corrector_name: string | null;
  corrector_email: string | null;
  carried_to_id: string | null;
};

const toStory = (row: StoryRow): StoryRecord => ({
  id: row.id,
  projectId: row.project_id,
  sprintId: row.sprint_id,
  title: row.title,
  deliverable: {
    type: row.deliverable_type as DeliverableType,
    description: row.deliverable_description,
  },
  assignee: personRef(row.assignee_id, row.assignee_name, row.assignee_email),
  status: row.status as StoryStatus,
  points: row.points,
  position: row.position,
  addedAfterStart: toBool(row.added_after_start),
  outcome: row.outcome as StoryOutcome | null,
  carriedFromId: row.carried_from_id,
  carriedToId: row.carried_to_id,
  correction:
    row.corrected_at && row.correction_reason !== null
      ? {
          reason: row.correction_reason,
          by: personRef(row.corrected_by, row.corrector_name, row.corrector_email),
          at: row.corrected_at,
        }
      : null,
  external:
    row.external_source && row.external_key
      ? { source: row.external_source, key: row.external_key }
      : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class StoryRepository {
  constructor(private readonly db: Executor) {}

  private selectStories() {
    return this.db
      .selectFrom('stories')
      .leftJoin('users as assignee', 'assignee.id', 'stories.assignee_id')
      .leftJoin('users as corrector', 'corrector.id', 'stories.corrected_by')
      .selectAll('stories')
      .select((eb) => [
        'assignee.name as assignee_name',
        'assignee.email as assignee_email',
        'corrector.name as corrector_name',
        'corrector.email as corrector_email',
        eb
          .selectFrom('stories as copy')
          .select('copy.id')
          .whereRef('copy.carried_from_id', '=', 'stories.id')
          .limit(1)
          .as('carried_to_id'),
      ]);
  }

  async insert(input: {
    projectId: string;
    sprintId: string;
    fields: StoryFields;
    addedAfterStart: boolean;
    carriedFromId?: string | null;
    external?: ExternalRef | null;
    outcome?: StoryOutcome | null;
    now: string;
  }): Promise<string> {
    const top = await this.db
      .selectFrom('stories')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('sprint_id', '=', input.sprintId)
      .executeTakeFirst();
    const id = newId();
    await this.db
      .insertInto('stories')
      .values({
        id,
        project_id: input.projectId,
        sprint_id: input.sprintId,
        title: input.fields.title,
        deliverable_type: input.fields.deliverableType,
        deliverable_description: input.fields.deliverableDescription,
        assignee_id: input.fields.assigneeId,
        status: input.fields.status,
        points: input.fields.points,
        position: top?.p === null || top?.p === undefined ? 0 : Number(top.p) + 1,
        added_after_start: input.addedAfterStart ? 1 : 0,
        outcome: input.outcome ?? null,
        carried_from_id: input.carriedFromId ?? null,
        corrected_at: null,
        corrected_by: null,
        correction_reason: null,
        external_source: input.external?.source ?? null,
        external_key: input.external?.key ?? null,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    return id;
  }

  async findById(id: string): Promise<StoryRecord | undefined> {
    const row = await this.selectStories().where('stories.id', '=', id).executeTakeFirst();
    return row && toStory(row);
  }

  async findByExternal(sprintId: string, ref: ExternalRef): Promise<StoryRecord | undefined> {
    const row = await this.selectStories()
      .where('stories.sprint_id', '=', sprintId)
      .where('stories.external_source', '=', ref.source)
      .where('stories.external_key', '=', ref.key)
      .executeTakeFirst();
    return row && toStory(row);
  }

  /** A sprint's stories in their order. */
  async listForSprint(sprintId: string): Promise<StoryRecord[]> {
    const rows = await this.selectStories()
      .where('stories.sprint_id', '=', sprintId)
      .orderBy('stories.position')
      .orderBy('stories.id')
      .execute();
    return rows.map(toStory);
  }

  /** The stories of some sprints (the portfolio reads each project's last closed one). */
  async listForSprints(sprintIds: readonly string[]): Promise<StoryRecord[]> {
    if (sprintIds.length === 0) return [];
    const rows = await this.selectStories()
      .where('stories.sprint_id', 'in', sprintIds)
      .orderBy('stories.sprint_id')
      .orderBy('stories.position')
      .execute();
    return rows.map(toStory);
  }

  async listForProject(projectId: string): Promise<StoryRecord[]> {
    const rows = await this.selectStories()
      .where('stories.project_id', '=', projectId)
      .orderBy('stories.sprint_id')
      .orderBy('stories.position')
      .execute();
    return rows.map(toStory);
  }

  async update(id: string, fields: StoryFields, now: string): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({
        title: fields.title,
        deliverable_type: fields.deliverableType,
        deliverable_description: fields.deliverableDescription,
        assignee_id: fields.assigneeId,
        status: fields.status,
        points: fields.points,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Writes a sprint's order: the ids in their new places 0, 1, 2, … */
  async setOrder(sprintId: string, orderedIds: string[], now: string): Promise<void> {
    for (const [position, id] of orderedIds.entries()) {
      await this.db
        .updateTable('stories')
        .set({ position, updated_at: now })
        .where('id', '=', id)
        .where('sprint_id', '=', sprintId)
        .execute();
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('stories').where('id', '=', id).execute();
  }

  /** At close: done stories were delivered, every other one was not. */
  async freezeOutcomes(sprintId: string, now: string): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({ outcome: 'delivered', updated_at: now })
      .where('sprint_id', '=', sprintId)
      .where('status', '=', 'done')
      .execute();
    await this.db
      .updateTable('stories')
      .set({ outcome: 'not_delivered', updated_at: now })
      .where('sprint_id', '=', sprintId)
      .where('status', '!=', 'done')
      .execute();
  }

  async correctOutcome(
    id: string,
    input: { outcome: StoryOutcome; reason: string; by: string | null; now: string },
  ): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({
        outcome: input.outcome,
        correction_reason: input.reason,
        corrected_by: input.by,
        corrected_at: input.now,
        updated_at: input.now,
      })
      .where('id', '=', id)
      .execute();
  }
}
