import { sql } from 'kysely';
import type { ArtifactKind, ArtifactSort } from '@sextant/core';
import { personRef, type Executor } from './executor.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

export interface ArtifactRecord {
  id: string;
  name: string;
  kind: ArtifactKind;
  description: string;
  link: string | null;
  /** The producing project and its team: the service decides who may see them. */
  projectId: string;
  projectName: string;
  teamId: string;
  teamName: string;
  createdBy: PersonRef | null;
  createdAt: string;
  /** Every reuse, by any project. */
  reuseCount: number;
}

export interface ArtifactReuseRecord {
  id: string;
  artifactId: string;
  /** The reusing project and its team: the service decides who may see them. */
  projectId: string;
  projectName: string;
  teamId: string;
  purpose: string;
  reusedBy: PersonRef | null;
  reusedAt: string;
}

export interface ArtifactFilter {
  kind?: ArtifactKind | undefined;
  q?: string | undefined;
  sort: ArtifactSort;
  limit: number;
  offset: number;
}

/** Just what the KPI functions need. */
export interface ArtifactFactRow {
  id: string;
  name: string;
  kind: string;
  projectId: string;
}

export interface ReuseFactRow {
  artifactId: string;
  projectId: string;
  teamId: string;
}

/** `like` pattern for a word, with the wildcard characters of the word taken literally. */
const containsPattern = (word: string) =>
  `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The columns the KPI functions read of artifacts and of reuses (`factsOf`). */
const selectArtifactFacts = (db: Executor) =>
  db.selectFrom('artifacts').select(['id', 'name', 'kind', 'project_id']);

const selectReuseFacts = (db: Executor) =>
  db
    .selectFrom('artifact_reuses')
    .innerJoin('projects', 'projects.id', 'artifact_reuses.project_id')
    .select(['artifact_reuses.artifact_id', 'artifact_reuses.project_id', 'projects.team_id']);

/** Artifacts and reuses, each narrowed by its caller, as plain facts, oldest first. */
async function factsOf(
  artifactsQuery: ReturnType<typeof selectArtifactFacts>,
  reusesQuery: ReturnType<typeof selectReuseFacts>,
): Promise<{ artifacts: ArtifactFactRow[]; reuses: ReuseFactRow[] }> {
  const [artifacts, reuses] = await Promise.all([
    artifactsQuery.orderBy('id').execute(),
    reusesQuery.orderBy('artifact_reuses.id').execute(),
  ]);
  return {
    artifacts: artifacts.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      projectId: a.project_id,
    })),
    reuses: reuses.map((r) => ({
      artifactId: r.artifact_id,
      projectId: r.project_id,
      teamId: r.team_id,
    })),
  };
}

export class ArtifactRepository {
  constructor(private readonly db: Executor) {}

  private selectArtifacts() {
    return this.db
      .selectFrom('artifacts')
      .innerJoin('projects', 'projects.id', 'artifacts.project_id')
      .innerJoin('teams', 'teams.id', 'projects.team_id')
      .leftJoin('users as creator', 'creator.id', 'artifacts.created_by')
      .selectAll('artifacts')
      .select((eb) => [
        'projects.name as project_name',
        'projects.team_id',
        'teams.name as team_name',
        'creator.name as creator_name',
        'creator.email as creator_email',
        eb
          .selectFrom('artifact_reuses')
          .select(eb.fn.countAll().as('n'))
          .whereRef('artifact_reuses.artifact_id', '=', 'artifacts.id')
          .as('reuse_count'),
      ]);
  }

  private toRecord(
    row: Awaited<ReturnType<ReturnType<ArtifactRepository['selectArtifacts']>['execute']>>[number],
  ): ArtifactRecord {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind as ArtifactKind,
      description: row.description,
      link: row.link,
      projectId: row.project_id,
      projectName: row.project_name,
      teamId: row.team_id,
      teamName: row.team_name,
      createdBy: personRef(row.created_by, row.creator_name, row.creator_email),
      createdAt: row.created_at,
      reuseCount: Number(row.reuse_count ?? 0),
    };
  }

  async insert(input: {
    projectId: string;
    name: string;
    kind: ArtifactKind;
    description: string;
    link: string | null;
    createdBy: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('artifacts')
      .values({
        id,
        project_id: input.projectId,
        name: input.name,
        kind: input.kind,
        description: input.description,
        link: input.link,
        created_by: input.createdBy,
        created_at: input.now,
      })
      .execute();
    return id;
  }

  async findById(id: string): Promise<ArtifactRecord | undefined> {
    const row = await this.selectArtifacts().where('artifacts.id', '=', id).executeTakeFirst();
    return row && this.toRecord(row);
  }

  async existsInProject(projectId: string, name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('artifacts')
      .select('id')
      .where('project_id', '=', projectId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One page of the catalogue and how many artifacts match the filters in all. */
  async list(filter: ArtifactFilter): Promise<{ items: ArtifactRecord[]; total: number }> {
    const words = (filter.q ?? '').split(/\s+/).filter((w) => w.length > 0);
    let items = this.selectArtifacts();
    let count = this.db.selectFrom('artifacts').select((eb) => eb.fn.countAll().as('n'));
    if (filter.kind) {
      items = items.where('artifacts.kind', '=', filter.kind);
      count = count.where('artifacts.kind', '=', filter.kind);
    }
    // Every word must appear in the name or the description, whatever the case.
    for (const word of words) {
      const pattern = containsPattern(word);
      const matches = sql<boolean>`(lower(artifacts.name) like ${pattern} escape '\\' or lower(artifacts.description) like ${pattern} escape '\\')`;
      items = items.where(matches);
      count = count.where(matches);
    }
    if (filter.sort === 'most_reused') {
      items = items.orderBy('reuse_count', 'desc').orderBy(sql`lower(artifacts.name)`);
    } else if (filter.sort === 'name') {
      items = items.orderBy(sql`lower(artifacts.name)`);
    }
    items = items.orderBy('artifacts.id', 'desc').limit(filter.limit).offset(filter.offset);
    const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
    return { items: rows.map((row) => this.toRecord(row)), total: Number(total.n) };
  }

  async insertReuse(input: {
    artifactId: string;
    projectId: string;
    purpose: string;
    reusedBy: string | null;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('artifact_reuses')
      .values({
        id,
        artifact_id: input.artifactId,
        project_id: input.projectId,
        purpose: input.purpose,
        reused_by: input.reusedBy,
        reused_at: input.now,
      })
      .execute();
    return id;
  }

  async reuseExists(artifactId: string, projectId: string, purpose: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('artifact_reuses')
      .select('id')
      .where('artifact_id', '=', artifactId)
      .where('project_id', '=', projectId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The reuses of these artifacts, oldest first. */
  async listReuses(artifactIds: readonly string[]): Promise<ArtifactReuseRecord[]> {
    if (artifactIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('artifact_reuses')
      .innerJoin('projects', 'projects.id', 'artifact_reuses.project_id')
      .leftJoin('users as reuser', 'reuser.id', 'artifact_reuses.reused_by')
      .selectAll('artifact_reuses')
      .select([
        'projects.name as project_name',
        'projects.team_id',
        'reuser.name as reuser_name',
        'reuser.email as reuser_email',
      ])
      .where('artifact_reuses.artifact_id', 'in', [...artifactIds])
      .orderBy('artifact_reuses.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      artifactId: row.artifact_id,
      projectId: row.project_id,
      projectName: row.project_name,
      teamId: row.team_id,
      purpose: row.purpose,
      reusedBy: personRef(row.reused_by, row.reuser_name, row.reuser_email),
      reusedAt: row.reused_at,
    }));
  }

  /** Every artifact and every reuse of the workspace, as plain facts for the KPI functions. */
  allFacts(): Promise<{ artifacts: ArtifactFactRow[]; reuses: ReuseFactRow[] }> {
    return factsOf(selectArtifactFacts(this.db), selectReuseFacts(this.db));
  }

  /**
   * The facts one project's KPIs need: the artifacts it produced and those it reused,
   * the reuses of its artifacts and the reuses it made.
   */
  factsForProject(
    projectId: string,
  ): Promise<{ artifacts: ArtifactFactRow[]; reuses: ReuseFactRow[] }> {
    const reused = this.db
      .selectFrom('artifact_reuses')
      .select('artifact_id')
      .where('project_id', '=', projectId);
    const own = this.db.selectFrom('artifacts').select('id').where('project_id', '=', projectId);
    return factsOf(
      selectArtifactFacts(this.db).where((eb) =>
        eb.or([eb('project_id', '=', projectId), eb('id', 'in', reused)]),
      ),
      selectReuseFacts(this.db).where((eb) =>
        eb.or([
          eb('artifact_reuses.project_id', '=', projectId),
          eb('artifact_reuses.artifact_id', 'in', own),
        ]),
      ),
    );
  }
}
