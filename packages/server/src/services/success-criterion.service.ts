import { notFound, type PutSuccessCriterionBody, type SuccessCriterion } from '@sextant/core';
import type { SuccessCriterionRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { evaluationFingerprint } from '../security/fingerprint.js';
import { presentCriterion } from '../presenters/success-criterion.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './project-guards.js';

export class SuccessCriterionService {
  constructor(private readonly deps: ServiceDeps) {}

  async put(
    projectId: string,
    body: PutSuccessCriterionBody,
    actor: Actor,
  ): Promise<SuccessCriterion> {
    const { store, clock } = this.deps;
    const evaluation = {
      trainWindow: body.evaluation.trainWindow,
      trainSize:
        body.evaluation.trainWindow === 'sliding' ? (body.evaluation.trainSize ?? null) : null,
      testWindow: body.evaluation.testWindow,
      step: body.evaluation.step,
      horizon: body.evaluation.horizon ?? null,
    };
    const record: SuccessCriterionRecord = {
      projectId,
      metric: body.metric,
      threshold: body.threshold,
      evaluation,
      evaluationFingerprint: evaluationFingerprint(evaluation),
      valueModel: body.valueModel ?? null,
      updatedAt: iso(clock.now()),
    };
    await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      await repos.criteria.upsert(record, actor.userId);
      await repos.projects.touch(projectId, record.updatedAt);
    });
    return presentCriterion(record);
  }

  async get(projectId: string): Promise<SuccessCriterion> {
    const criterion = await this.deps.store.repos.criteria.find(projectId);
    if (!criterion) throw notFound('Success criterion');
    return presentCriterion(criterion);
  }
}
