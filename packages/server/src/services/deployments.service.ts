import {
  AppError,
  deploymentKpis,
  deploymentRun,
  provenanceOf,
  type CreateDeploymentBody,
  type Deployment,
  type DeploymentKpiValues,
  type DeploymentListQuery,
  deploymentEvent,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';
import { newId, type DeploymentRecord, type Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { CiCaller } from '../http/ci-caller.js';
import { presentDeployment } from '../presenters/deployments.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ServiceDeps } from './deps.js';
import { idempotent, type Answer } from './idempotency.js';
import { assertRunOfProject, loadWritableProject } from './project-guards.js';

const instant = (value: string | undefined): string | null =>
  value === undefined ? null : new Date(value).toISOString();

/**
 * The deployments as the API shows them, each naming its run (`deploymentRun`): the runs they
 * name and the CI runs of their commits are read in one go for the whole page.
 */
async function presentWithRuns(
  repos: Repositories,
  projectId: string,
  deployments: readonly DeploymentRecord[],
): Promise<Deployment[]> {
  const commits = [
    ...new Set(deployments.flatMap((d) => (d.runId === null && d.commit ? [d.commit] : []))),
  ];
  const runIds = [...new Set(deployments.flatMap((d) => (d.runId ? [d.runId] : [])))];
  const runs =
    commits.length + runIds.length === 0
      ? []
      : await repos.deployments.runStarts(projectId, commits, runIds);
  return deployments.map((d) => presentDeployment(d, deploymentRun(d, runs)));
}

/** Deployments posted by CD (or by hand) and the deployment KPIs. */
export class DeploymentService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Records a deployment, once per Idempotency-Key: provenance is `ci` only with this
   * project's CI token and CI metadata; a linked run must be one of the project's runs.
   */
  recordDeployment(
    projectId: string,
    body: CreateDeploymentBody,
    caller: CiCaller,
    fingerprint: unknown,
  ): Promise<Answer<Deployment>> {
    const now = this.deps.clock.now();
    const request = {
      scope: caller.idempotencyScope,
      key: caller.idempotencyKey,
      fingerprint,
    };
    return idempotent(this.deps.store, request, now, async (repos) => {
      const project = await loadWritableProject(repos, projectId);
      if (body.startedAt && Date.parse(body.finishedAt) < Date.parse(body.startedAt)) {
        throw new AppError('rule_violation', 'finishedAt: must not be before startedAt.', {
          field: 'finishedAt',
          startedAt: body.startedAt,
          finishedAt: body.finishedAt,
        });
      }
      const runId = body.runId ?? null;
      await assertRunOfProject(repos, projectId, runId);
      const id = newId();
      await repos.deployments.insert({
        id,
        projectId,
        version: body.version,
        environment: body.environment,
        status: body.status,
        commit: body.commit ?? null,
        startedAt: instant(body.startedAt),
        finishedAt: new Date(body.finishedAt).toISOString(),
        runId,
        provenance: provenanceOf({
          ciTokenProjectId: caller.ciProjectId,
          projectId,
          hasCiMetadata: body.ci !== undefined,
        }),
        ci: body.ci ?? null,
        tokenId: caller.actor.tokenId,
        postedById: caller.actor.userId,
        createdAt: iso(now),
      });
      await repos.projects.touch(projectId, iso(now));
      const event = deploymentEvent(
        { id: project.id, name: project.name },
        {
          deploymentId: id,
          version: body.version,
          environment: body.environment,
          status: body.status,
          commit: body.commit ?? null,
          finishedAt: new Date(body.finishedAt).toISOString(),
          runId,
        },
      );
      if (event) await repos.notificationEvents.emit(event, NOTIFICATION_EVENT_VERSION, iso(now));
      const stored = await repos.deployments.findById(id);
      if (!stored) throw new Error('a deployment was not written');
      const [presented] = await presentWithRuns(repos, projectId, [stored]);
      if (!presented) throw new Error('a deployment was not presented');
      return { status: 201, body: presented };
    });
  }

  /** Newest first, filtered by environment and status, a keyset page at a time. */
  async list(
    projectId: string,
    query: DeploymentListQuery,
  ): Promise<{ items: Deployment[]; nextCursor: string | null }> {
    const beforeId = query.cursor ? decodeCursor(query.cursor) : null;
    const { repos } = this.deps.store;
    const rows = await repos.deployments.list(
      projectId,
      { environment: query.environment, status: query.status },
      { limit: query.limit + 1, beforeId },
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: await presentWithRuns(repos, projectId, items),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  }

  /** The project's deployment KPIs at `now` (the clock's now when not given). */
  async kpis(projectId: string, now: Date = this.deps.clock.now()): Promise<DeploymentKpiValues> {
    const { repos } = this.deps.store;
    const deployments = await repos.deployments.listAll(projectId);
    const commits = [...new Set(deployments.flatMap((d) => (d.commit ? [d.commit] : [])))];
    const runIds = [...new Set(deployments.flatMap((d) => (d.runId ? [d.runId] : [])))];
    const runs = await repos.deployments.runStarts(projectId, commits, runIds);
    return deploymentKpis(
      deployments,
      runs.map((r) => ({
        id: r.id,
        commit: r.commit,
        provenance: r.provenance,
        at: r.startedAt ?? r.finishedAt ?? r.createdAt,
      })),
      now,
    );
  }
}
