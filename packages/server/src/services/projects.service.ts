import {
  AppError,
  EMPTY_SCOPE,
  allowedMoves,
  mergeScope,
  nextStage,
  notFound,
  roleAtLeast,
  unmetGates,
  type CreateProjectBody,
  type ListProjectsQuery,
  type Scope,
  type ScopePatch,
  type TeamRole,
  type UpdateProjectBody,
  type ProjectDetail,
} from '@sextant/core';
import { presentPage } from '../presenters/page.js';
import { presentProject, presentProjectDetail } from '../presenters/projects.js';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import type { ServiceDeps } from './deps.js';
import { gatherStageFacts } from './stage-facts.js';
import { deliveryOnly } from './delivery.service.js';
import { judgeAlerts } from './alerts.service.js';
import { loadWritableProject } from './project-guards.js';

/** Drops keys a patch left out, so "absent" never overwrites a stored value. */
function scopeFrom(patch: ScopePatch | undefined): Partial<Scope> {
  if (!patch) return {};
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<Scope>;
}

export class ProjectService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Members and admins of a team may start projects in it; viewers may not. */
  async create(body: CreateProjectBody, actor: Actor & { userId: string }): Promise<ProjectDetail> {
    const { store, clock } = this.deps;
    const role = await store.repos.teams.roleOf(body.teamId, actor.userId);
    if (!role) throw notFound('Team');
    if (!roleAtLeast(role, 'member')) {
      throw new AppError(
        'forbidden',
        'Viewers cannot create projects; ask a team admin for the member role.',
        {
          requiredRole: 'member',
          role,
        },
      );
    }
    const id = await store.transaction(async (repos) => {
      const now = iso(clock.now());
      const projectId = await repos.projects.insert({
        teamId: body.teamId,
        name: body.name,
        stage: 'scoping',
        scope: mergeScope(EMPTY_SCOPE, scopeFrom(body.scope)),
        createdBy: actor.userId,
        now,
      });
      await repos.stageChanges.insert({
        projectId,
        fromStage: null,
        toStage: 'scoping',
        note: 'Project created',
        changedBy: actor.userId,
        now,
      });
      return projectId;
    });
    return this.detail(id, role);
  }

  async list(userId: string, query: ListProjectsQuery) {
    return presentPage(
      await this.deps.store.repos.projects.listForUser(userId, query),
      presentProject,
    );
  }

  /** The project page in one answer: scope, goals, criterion, and what the next stage needs. */
  async detail(projectId: string, role: TeamRole): Promise<ProjectDetail> {
    const { store, clock } = this.deps;
    const repos = store.repos;
    const project = await repos.projects.findById(projectId);
    if (!project) throw notFound('Project');
    const [goals, criterion, facts] = await Promise.all([
      repos.goals.listForProject(projectId),
      repos.criteria.find(projectId),
      gatherStageFacts(repos, project, clock.now()),
    ]);
    const next = nextStage(project.stage);
    const warnings = deliveryOnly((await judgeAlerts(store, projectId, clock.now())).stored);
    return presentProjectDetail({
      ...project,
      role,
      goals,
      successCriterion: criterion ?? null,
      next: next ? { stage: next, unmetGates: unmetGates(next, facts) } : null,
      allowedMoves: allowedMoves(project.stage),
      warnings,
    });
  }

  async update(projectId: string, body: UpdateProjectBody, role: TeamRole): Promise<ProjectDetail> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      const project = await loadWritableProject(repos, projectId);
      await repos.projects.update(projectId, {
        name: body.name ?? project.name,
        scope: mergeScope(project.scope, scopeFrom(body.scope)),
        now: iso(clock.now()),
      });
    });
    return this.detail(projectId, role);
  }

  /** Archiving hides a project from lists and freezes it; unarchiving undoes both. */
  async setArchived(projectId: string, archived: boolean, role: TeamRole): Promise<ProjectDetail> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      const project = await repos.projects.findById(projectId);
      if (!project) throw notFound('Project');
      const now = iso(clock.now());
      if (archived && !project.archivedAt) await repos.projects.setArchived(projectId, now, now);
      if (!archived && project.archivedAt) await repos.projects.setArchived(projectId, null, now);
    });
    return this.detail(projectId, role);
  }
}
