import type { SprintState, StoryStatus } from '@sextant/core';
import type { Executor } from './executor.js';
import type { SprintsTable } from '../schema.js';
import { newId } from '../ids.js';

export interface ExternalRef {
  source: string;
  key: string;
}

export interface SprintRecord {
  id: string;
  projectId: string;
  number: number;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  state: SprintState;
  startedAt: string | null;
  closedAt: string | null;
  external: ExternalRef | null;
  storyCounts: Record<StoryStatus, number>;
  createdAt: string;
  updatedAt: string;
}

const toSprint = (row: SprintsTable, counts?: Record<StoryStatus, number>): SprintRecord => ({
  id: row.id,
  projectId: row.project_id,
  number: row.number,
  name: row.name,
  goal: row.goal,
  startDate: row.start_date,
  endDate: row.end_date,
  state: row.state as SprintState,
  startedAt: row.started_at,
  closedAt: row.closed_at,
  external:
    row.external_source && row.external_key
      ? { source: row.external_source, key: row.external_key }
      : null,
  storyCounts: counts ?? { todo: 0, in_progress: 0, done: 0 },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SprintRepository {
  constructor(private readonly db: Executor) {}

  /** Numbers follow creation: the next sprint of a project gets the highest number + 1. */
  async insert(input: {
    projectId: string;
    name: string | null;
    goal: string;
    startDate: string;
    endDate: string;
    state?: SprintState;
    external?: ExternalRef | null;
    now: string;
  }): Promise<SprintRecord> {
    const top = await this.db
      .selectFrom('sprints')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('project_id', '=', input.projectId)
      .executeTakeFirst();
    const number = Number(top?.n ?? 0) + 1;
    const row: SprintsTable = {
      id: newId(),
      project_id: input.projectId,
      number,
      name: input.name ?? `Sprint ${number}`,
      goal: input.goal,
      start_date: input.startDate,
      end_date: input.endDate,
      state: input.state ?? 'planned',
      started_at: null,
      started_by: null,
      closed_at: null,
      closed_by: null,
      external_source: input.external?.source ?? null,
      external_key: input.external?.key ?? null,
      created_at: input.now,
      updated_at: input.now,
    };
    await this.db.insertInto('sprints').values(row).execute();
    return toSprint(row);
  }

  async findById(id: string): Promise<SprintRecord | undefined> {
    const row = await this.db
      .selectFrom('sprints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return toSprint(row, (await this.countStories([id])).get(id));
  }

  async findByExternal(projectId: string, ref: ExternalRef): Promise<SprintRecord | undefined> {
    const row = await this.db
      .selectFrom('sprints')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('external_source', '=', ref.source)
      .where('external_key', '=', ref.key)
      .executeTakeFirst();
    return row && toSprint(row);
  }

  /** A project's sprints in calendar order. */
  listForProject(projectId: string): Promise<SprintRecord[]> {
    return this.listForProjects([projectId]);
  }

  /** The sprints of several projects (the portfolio), in date order per project. */
  async listForProjects(projectIds: readonly string[]): Promise<SprintRecord[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sprints')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('start_date')
      .orderBy('number')
      .execute();
    const counts = await this.countStories(rows.map((r) => r.id));
    return rows.map((row) => toSprint(row, counts.get(row.id)));
  }

  private async countStories(
    sprintIds: string[],
  ): Promise<Map<string, Record<StoryStatus, number>>> {
    const counts = new Map<string, Record<StoryStatus, number>>();
    if (sprintIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('stories')
      .select((eb) => ['sprint_id', 'status', eb.fn.countAll<number>().as('n')])
      .where('sprint_id', 'in', sprintIds)
      .groupBy(['sprint_id', 'status'])
      .execute();
    for (const row of rows) {
      const entry = counts.get(row.sprint_id) ?? { todo: 0, in_progress: 0, done: 0 };
      entry[row.status as StoryStatus] = Number(row.n);
      counts.set(row.sprint_id, entry);
    }
    return counts;
  }

  async update(
    id: string,
    input: { name: string; goal: string; startDate: string; endDate: string; now: string },
  ): Promise<void> {
    await this.db
      .updateTable('sprints')
      .set({
        name: input.name,
        goal: input.goal,
        start_date: input.startDate,
        end_date: input.endDate,
        updated_at: input.now,
      })
      .where('id', '=', id)
      .execute();
  }

  async markStarted(id: string, by: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('sprints')
      .set({ state: 'active', started_at: now, started_by: by, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async markClosed(id: string, by: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('sprints')
      .set({ state: 'closed', closed_at: now, closed_by: by, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** For imports that bring history: a sprint that is already over arrives closed. */
  async setImportedState(id: string, state: SprintState, now: string): Promise<void> {
    await this.db
      .updateTable('sprints')
      .set({
        state,
        started_at: state === 'planned' ? null : now,
        closed_at: state === 'closed' ? now : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }
}
