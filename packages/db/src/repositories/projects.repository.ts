import { EMPTY_SCOPE, type Scope, type Stage, type TeamRole } from '@sextant/core';
import type { Executor, PageRequest, PageResult } from './executor.js';
import { compiledOnce } from './compiled-once.js';
import { decodeCursor, toPage } from './executor.js';
import { newId } from '../ids.js';

export interface ProjectRecord {
  id: string;
  teamId: string;
  teamName: string;
  name: string;
  stage: Stage;
  scope: Scope;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectWithRole extends ProjectRecord {
  role: TeamRole;
}

export interface ProjectFilter extends PageRequest {
  teamId?: string | undefined;
  stage?: Stage | undefined;
  archived: 'true' | 'false' | 'all';
}

function parseScope(json: string): Scope {
  return { ...EMPTY_SCOPE, ...(JSON.parse(json) as Partial<Scope>) };
}

interface ProjectRow {
  id: string;
  team_id: string;
  team_name: string;
  name: string;
  stage: string;
  scope_json: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toProject = (row: ProjectRow): ProjectRecord => ({
  id: row.id,
  teamId: row.team_id,
  teamName: row.team_name,
  name: row.name,
  stage: row.stage as Stage,
  scope: parseScope(row.scope_json),
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Every project-scoped request checks access by the project's team: compiled once. */
const teamIdOf = compiledOnce((db, id: string) =>
  db.selectFrom('projects').select('team_id').where('id', '=', id),
);

export class ProjectRepository {
  constructor(private readonly db: Executor) {}

  private selectProjects() {
    return this.db
      .selectFrom('projects')
      .innerJoin('teams', 'teams.id', 'projects.team_id')
      .select([
        'projects.id',
        'projects.team_id',
        'teams.name as team_name',
        'projects.name',
        'projects.stage',
        'projects.scope_json',
        'projects.archived_at',
        'projects.created_at',
        'projects.updated_at',
      ]);
  }

  async insert(input: {
    teamId: string;
    name: string;
    stage: Stage;
    scope: Scope;
    createdBy: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('projects')
      .values({
        id,
        team_id: input.teamId,
        name: input.name,
        stage: input.stage,
        scope_json: JSON.stringify(input.scope),
        archived_at: null,
        created_by: input.createdBy,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    return id;
  }

  async findById(id: string): Promise<ProjectRecord | undefined> {
    const row = await this.selectProjects().where('projects.id', '=', id).executeTakeFirst();
    return row && toProject(row);
  }

  /** Just enough to authorize: which team owns the project. */
  async findTeamId(id: string): Promise<string | undefined> {
    const [row] = await teamIdOf(this.db, id);
    return row?.team_id;
  }

  /** Projects of the teams the user belongs to, newest first, with the user's role. */
  async listForUser(userId: string, filter: ProjectFilter): Promise<PageResult<ProjectWithRole>> {
    let query = this.selectProjects()
      .innerJoin('team_members', (join) =>
        join
          .onRef('team_members.team_id', '=', 'projects.team_id')
          .on('team_members.user_id', '=', userId),
      )
      .select('team_members.role')
      .orderBy('projects.id', 'desc')
      .limit(filter.limit + 1);
    const after = decodeCursor(filter.cursor);
    if (after) query = query.where('projects.id', '<', after);
    if (filter.teamId) query = query.where('projects.team_id', '=', filter.teamId);
    if (filter.stage) query = query.where('projects.stage', '=', filter.stage);
    if (filter.archived === 'false') query = query.where('projects.archived_at', 'is', null);
    if (filter.archived === 'true') query = query.where('projects.archived_at', 'is not', null);
    const rows = await query.execute();
    return toPage(
      rows.map((row) => ({ ...toProject(row), role: row.role as TeamRole })),
      filter.limit,
    );
  }

  async update(id: string, input: { name: string; scope: Scope; now: string }): Promise<void> {
    await this.db
      .updateTable('projects')
      .set({ name: input.name, scope_json: JSON.stringify(input.scope), updated_at: input.now })
      .where('id', '=', id)
      .execute();
  }

  async setStage(id: string, stage: Stage, now: string): Promise<void> {
    await this.db
      .updateTable('projects')
      .set({ stage, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async setArchived(id: string, archivedAt: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('projects')
      .set({ archived_at: archivedAt, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async touch(id: string, now: string): Promise<void> {
    await this.db.updateTable('projects').set({ updated_at: now }).where('id', '=', id).execute();
  }
}
