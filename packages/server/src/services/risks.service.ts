import { notFound, type CreateRiskBody, type UpdateRiskBody } from '@sextant/core';
import type { RiskRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './project-guards.js';

/** The disruption and reorganisation risks register of a project. */
export class RiskService {
  constructor(private readonly deps: ServiceDeps) {}

  list(projectId: string): Promise<RiskRecord[]> {
    return this.deps.store.repos.risks.listForProject(projectId);
  }

  async create(projectId: string, body: CreateRiskBody): Promise<RiskRecord> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      await repos.projects.touch(projectId, now);
      return repos.risks.insert(projectId, body, now);
    });
  }

  async update(projectId: string, riskId: string, patch: UpdateRiskBody): Promise<RiskRecord> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const current = await repos.risks.findInProject(projectId, riskId);
      if (!current) throw notFound('Risk');
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as Partial<RiskRecord>;
      const next = { ...current, ...defined };
      const now = iso(clock.now());
      await repos.risks.update(riskId, next, now);
      await repos.projects.touch(projectId, now);
      return { ...next, updatedAt: now };
    });
  }

  async delete(projectId: string, riskId: string): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      if (!(await repos.risks.findInProject(projectId, riskId))) throw notFound('Risk');
      await repos.risks.delete(riskId);
      await repos.projects.touch(projectId, iso(clock.now()));
    });
  }
}
