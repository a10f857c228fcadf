import type { Executor } from './executor.js';

/** Which project (and team) an object belongs to: what access checks need. */
export interface Owner {
  projectId: string;
  teamId: string;
}

/** Tables whose rows belong to a project through their `project_id`. */
export type OwnedTable = 'sprints' | 'stories' | 'runs' | 'backlog_items' | 'insights' | 'goals';

/** The owner of any project-owned object, one query for every table (access checks). */
export class OwnerRepository {
  constructor(private readonly db: Executor) {}

  async find(table: OwnedTable, id: string): Promise<Owner | undefined> {
    // Every owned table has `id` and `project_id`; Kysely types one of them for the query.
    const row = await this.db
      .selectFrom(`${table} as owned` as 'runs as owned')
      .innerJoin('projects', 'projects.id', 'owned.project_id')
      .select(['owned.project_id', 'projects.team_id'])
      .where('owned.id', '=', id)
      .executeTakeFirst();
    return row && { projectId: row.project_id, teamId: row.team_id };
  }
}
