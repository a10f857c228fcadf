import { notFound, type CreateRiskBody, type Risk, type UpdateRiskBody } from '@sextant/core';
import type { RiskRecord } from '@sextant/db';
import { iso } from '../clock.js';
import { presentRisk } from '../presenters/risks.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './project-guards.js';

/** The disruption and reorganisation risks register of a project. */
export class RiskService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(projectId: string): Promise<Risk[]> {
    return (await this.deps.store.repos.risks.listForProject(projectId)).map(presentRisk);
  }

  async create(projectId: string, body: CreateRiskBody): Promise<Risk> {
    const { store, clock } = this.deps;
    const risk = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      await repos.projects.touch(projectId, now);
      return repos.risks.insert(projectId, body, now);
    });
    return presentRisk(risk);
  }

  async update(projectId: string, riskId: string, patch: UpdateRiskBody): Promise<Risk> {
    const { store, clock } = this.deps;
    const risk = await store.transaction(async (repos) => {
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
    return presentRisk(risk);
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
