import {
  AppError,
  ARTIFACT_KPI_RULES,
  OWN_ARTIFACT_REUSE_RULE,
  countArtifactsProduced,
  countReusedByOthers,
  countReusesMade,
  isOwnArtifactReuse,
  mostReusedArtifacts,
  notFound,
  projectArtifactKpis,
  readsProjects,
  roleAtLeast,
  type Artifact,
  type ArtifactList,
  type CreateArtifactBody,
  type ListArtifactsQuery,
  type ProjectArtifactKpis,
  type RecordReuseBody,
  type WorkspaceArtifactKpis,
} from '@sextant/core';
import type { ProjectRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentArtifact, type TeamVisibility } from '../presenters/artifacts.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './project-guards.js';

/**
 * The teams whose projects the caller reads (any role but operator): the projects whose names
 * they may see.
 */
async function visibilityOf(repos: Repositories, userId: string): Promise<TeamVisibility> {
  const teams = new Set(
    (await repos.teams.listForUser(userId)).filter((t) => readsProjects(t.role)).map((t) => t.id),
  );
  return (teamId) => teams.has(teamId);
}

/**
 * Artifact routes are not project-scoped, so the project named in the body is checked
 * here the way the access plugin checks a path id: another team's project answers 404
 * exactly like a missing one; a viewer gets 403; an archived project is read-only.
 */
async function loadProjectToWrite(
  repos: Repositories,
  projectId: string,
  userId: string,
  what: string,
): Promise<ProjectRecord> {
  const teamId = await repos.projects.findTeamId(projectId);
  const role = teamId ? await repos.teams.roleOf(teamId, userId) : undefined;
  if (!role) throw notFound('Project');
  if (!roleAtLeast(role, 'member')) {
    throw new AppError(
      'forbidden',
      `${what} needs the member role in the project's team; you are ${role}.`,
      { requiredRole: 'member', role },
    );
  }
  return loadWritableProject(repos, projectId);
}

/** The workspace catalogue of reusable artifacts and their reuses (KPI 3). */
export class ArtifactService {
  constructor(private readonly deps: ServiceDeps) {}

  /** One artifact as the caller may see it, with its reuses. */
  async get(artifactId: string, userId: string): Promise<Artifact> {
    return this.view(this.deps.store.repos, artifactId, userId);
  }

  private async view(repos: Repositories, artifactId: string, userId: string): Promise<Artifact> {
    const artifact = await repos.artifacts.findById(artifactId);
    if (!artifact) throw notFound('Artifact');
    const [reuses, canSee] = await Promise.all([
      repos.artifacts.listReuses([artifactId]),
      visibilityOf(repos, userId),
    ]);
    return presentArtifact(artifact, reuses, canSee);
  }

  /** One page of the catalogue: every team's artifacts, each as the caller may see it. */
  async list(query: ListArtifactsQuery, userId: string): Promise<ArtifactList> {
    const repos = this.deps.store.repos;
    const [page, canSee] = await Promise.all([
      repos.artifacts.list(query),
      visibilityOf(repos, userId),
    ]);
    const reuses = await repos.artifacts.listReuses(page.items.map((a) => a.id));
    const end = query.offset + page.items.length;
    return {
      items: page.items.map((a) => presentArtifact(a, reuses, canSee)),
      total: page.total,
      nextOffset: end < page.total && page.items.length > 0 ? end : null,
    };
  }

  async create(body: CreateArtifactBody, actor: Actor & { userId: string }): Promise<Artifact> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      await loadProjectToWrite(repos, body.projectId, actor.userId, 'Adding an artifact');
      if (await repos.artifacts.existsInProject(body.projectId, body.name)) {
        throw new AppError('conflict', 'name: this project already has an artifact of that name.', {
          field: 'name',
        });
      }
      const id = await repos.artifacts.insert({
        projectId: body.projectId,
        name: body.name,
        kind: body.kind,
        description: body.description,
        link: body.link ?? null,
        createdBy: actor.userId,
        now: iso(clock.now()),
      });
      return this.view(repos, id, actor.userId);
    });
  }

  /** Records that one of the caller's projects reused the artifact, and for what. */
  async recordReuse(
    artifactId: string,
    body: RecordReuseBody,
    actor: Actor & { userId: string },
  ): Promise<Artifact> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      await loadProjectToWrite(repos, body.projectId, actor.userId, 'Recording a reuse');
      const artifact = await repos.artifacts.findById(artifactId);
      if (!artifact) throw notFound('Artifact');
      if (isOwnArtifactReuse(artifact, body.projectId)) {
        throw new AppError('rule_violation', `projectId: ${OWN_ARTIFACT_REUSE_RULE}`, {
          field: 'projectId',
        });
      }
      if (await repos.artifacts.reuseExists(artifactId, body.projectId, body.purpose)) {
        throw new AppError(
          'conflict',
          'purpose: this project already recorded a reuse of this artifact for that purpose.',
          { field: 'purpose' },
        );
      }
      await repos.artifacts.insertReuse({
        artifactId,
        projectId: body.projectId,
        purpose: body.purpose,
        reusedBy: actor.userId,
        now: iso(clock.now()),
      });
      return this.view(repos, artifactId, actor.userId);
    });
  }

  /**
   * One project's artifact KPIs. The caller must already be allowed to read the project;
   * reuses by other teams' projects only add to the counts, never name anything.
   */
  async kpis(projectId: string): Promise<ProjectArtifactKpis> {
    const facts = await this.deps.store.repos.artifacts.factsForProject(projectId);
    return projectArtifactKpis(facts.artifacts, facts.reuses, projectId);
  }

  /**
   * The workspace figures as the caller may see them: catalogue totals, the most reused
   * artifacts (reuses by other teams only as `hiddenReuses`) and the caller's own projects.
   */
  async workspaceKpis(userId: string): Promise<WorkspaceArtifactKpis> {
    const repos = this.deps.store.repos;
    const [facts, teams] = await Promise.all([
      repos.artifacts.allFacts(),
      repos.teams.listForUser(userId),
    ]);
    const mine = new Set(teams.filter((t) => readsProjects(t.role)).map((t) => t.id));
    const projects = await repos.projects.listForUser(userId, {
      limit: 10_000,
      archived: 'all',
    });
    return {
      artifacts: facts.artifacts.length,
      reuses: facts.reuses.length,
      mostReused: mostReusedArtifacts(facts.artifacts, facts.reuses).map((a) => ({
        ...a,
        hiddenReuses: facts.reuses.filter((r) => r.artifactId === a.id && !mine.has(r.teamId))
          .length,
      })),
      projects: projects.items
        .filter((p) => mine.has(p.teamId))
        .map((p) => ({
          projectId: p.id,
          projectName: p.name,
          produced: countArtifactsProduced(facts.artifacts, p.id),
          reusedByOthers: countReusedByOthers(facts.artifacts, facts.reuses, p.id),
          reusesMade: countReusesMade(facts.artifacts, facts.reuses, p.id),
        }))
        .sort((a, b) => a.projectName.localeCompare(b.projectName)),
      rules: ARTIFACT_KPI_RULES,
    };
  }
}
