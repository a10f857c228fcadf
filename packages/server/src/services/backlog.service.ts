import {
  notFound,
  orderBacklog,
  topOpenBacklog,
  type CreateBacklogItemBody,
  type UpdateBacklogItemBody,
  type BacklogItem,
} from '@sextant/core';
import type { BacklogItemFields, BacklogItemRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentBacklogItem } from '../presenters/backlog.js';
import type { ServiceDeps } from './deps.js';
import { assertRunOfProject, loadWritableProject } from './project-guards.js';

async function loadItem(repos: Repositories, itemId: string): Promise<BacklogItemRecord> {
  const item = await repos.backlog.findById(itemId);
  if (!item) throw notFound('Backlog item');
  return item;
}

/** The improvement backlog of error analysis: ideas ordered simplest first. */
export class BacklogService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The whole backlog, simplest first (the core `orderBacklog` rule). */
  async list(projectId: string): Promise<BacklogItem[]> {
    return orderBacklog(await this.deps.store.repos.backlog.listForProject(projectId)).map(
      presentBacklogItem,
    );
  }

  /** The first `n` open items in backlog order: the next steps a sprint review shows. */
  async top(projectId: string, n: number): Promise<BacklogItemRecord[]> {
    return topOpenBacklog(await this.deps.store.repos.backlog.listForProject(projectId), n);
  }

  async create(projectId: string, body: CreateBacklogItemBody, actor: Actor): Promise<BacklogItem> {
    const { store, clock } = this.deps;
    const item = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const runId = body.runId ?? null;
      await assertRunOfProject(repos, projectId, runId);
      const now = iso(clock.now());
      const id = await repos.backlog.insert({
        projectId,
        fields: {
          observation: body.observation,
          proposedChange: body.proposedChange,
          effort: body.effort,
          expectedImpact: body.expectedImpact,
          status: body.status,
          runId,
        },
        createdBy: actor.userId,
        now,
      });
      await repos.projects.touch(projectId, now);
      return loadItem(repos, id);
    });
    return presentBacklogItem(item);
  }

  async update(itemId: string, patch: UpdateBacklogItemBody): Promise<BacklogItem> {
    const { store, clock } = this.deps;
    const item = await store.transaction(async (repos) => {
      const item = await loadItem(repos, itemId);
      await loadWritableProject(repos, item.projectId);
      if (patch.runId !== undefined && patch.runId !== item.runId) {
        await assertRunOfProject(repos, item.projectId, patch.runId);
      }
      const fields: BacklogItemFields = {
        observation: patch.observation ?? item.observation,
        proposedChange: patch.proposedChange ?? item.proposedChange,
        effort: patch.effort ?? item.effort,
        expectedImpact: patch.expectedImpact ?? item.expectedImpact,
        status: patch.status ?? item.status,
        runId: patch.runId !== undefined ? patch.runId : item.runId,
      };
      const now = iso(clock.now());
      await repos.backlog.update(itemId, fields, {
        now,
        statusChangedAt: fields.status !== item.status ? now : item.statusChangedAt,
      });
      await repos.projects.touch(item.projectId, now);
      return loadItem(repos, itemId);
    });
    return presentBacklogItem(item);
  }

  async delete(itemId: string): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      const item = await loadItem(repos, itemId);
      await loadWritableProject(repos, item.projectId);
      await repos.backlog.delete(itemId);
      await repos.projects.touch(item.projectId, iso(clock.now()));
    });
  }
}
