import type { DeploymentStatus, Provenance } from '@sextant/core';
import { personRef, ciJobOf, type Executor } from './executor.js';
import type { DeploymentsTable } from '../schema.js';
import type { PersonRef } from './stories.repository.js';

/** A deployment as written: who posted it is a user id. */
export interface NewDeployment {
  id: string;
  projectId: string;
  version: string;
  environment: string;
  status: DeploymentStatus;
  commit: string | null;
  startedAt: string | null;
  finishedAt: string;
  runId: string | null;
  provenance: Provenance;
  ci: { provider: string; jobId: string; jobUrl: string } | null;
  tokenId: string | null;
  postedById: string | null;
  createdAt: string;
}

export interface DeploymentRecord extends Omit<NewDeployment, 'postedById'> {
  postedBy: PersonRef | null;
}

export interface DeploymentFilter {
  environment?: string | undefined;
  status?: DeploymentStatus | undefined;
}

/** What the lead time and a deployment's run need of a run. */
export interface RunStartRow {
  id: string;
  commit: string;
  provenance: Provenance;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

type DeploymentRow = DeploymentsTable & {
  poster_name: string | null;
  poster_email: string | null;
};

const toDeployment = (row: DeploymentRow): DeploymentRecord => ({
  id: row.id,
  projectId: row.project_id,
  version: row.version,
  environment: row.environment,
  status: row.status as DeploymentStatus,
  commit: row.commit_sha,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  runId: row.run_id,
  provenance: row.provenance as Provenance,
  ci: ciJobOf(row),
  tokenId: row.token_id,
  postedBy: personRef(row.posted_by, row.poster_name, row.poster_email),
  createdAt: row.created_at,
});

/** Enough ids per `in (…)` list for both databases' parameter limits. */
const CHUNK = 500;

export class DeploymentRepository {
  constructor(private readonly db: Executor) {}

  private selectDeployments() {
    return this.db
      .selectFrom('deployments')
      .leftJoin('users as poster', 'poster.id', 'deployments.posted_by')
      .selectAll('deployments')
      .select(['poster.name as poster_name', 'poster.email as poster_email']);
  }

  async insert(deployment: NewDeployment): Promise<void> {
    const row: DeploymentsTable = {
      id: deployment.id,
      project_id: deployment.projectId,
      version: deployment.version,
      environment: deployment.environment,
      status: deployment.status,
      commit_sha: deployment.commit,
      started_at: deployment.startedAt,
      finished_at: deployment.finishedAt,
      run_id: deployment.runId,
      provenance: deployment.provenance,
      ci_provider: deployment.ci?.provider ?? null,
      ci_job_id: deployment.ci?.jobId ?? null,
      ci_job_url: deployment.ci?.jobUrl ?? null,
      token_id: deployment.tokenId,
      posted_by: deployment.postedById,
      created_at: deployment.createdAt,
    };
    await this.db.insertInto('deployments').values(row).execute();
  }

  async findById(id: string): Promise<DeploymentRecord | undefined> {
    const row = await this.selectDeployments().where('deployments.id', '=', id).executeTakeFirst();
    return row && toDeployment(row);
  }

  /** Newest first, filtered; `beforeId` is the keyset cursor. */
  async list(
    projectId: string,
    filter: DeploymentFilter,
    page: { limit: number; beforeId: string | null },
  ): Promise<DeploymentRecord[]> {
    let query = this.selectDeployments().where('deployments.project_id', '=', projectId);
    if (filter.environment) query = query.where('deployments.environment', '=', filter.environment);
    if (filter.status) query = query.where('deployments.status', '=', filter.status);
    if (page.beforeId) query = query.where('deployments.id', '<', page.beforeId);
    const rows = await query.orderBy('deployments.id', 'desc').limit(page.limit).execute();
    return rows.map(toDeployment);
  }

  /** Per project (the portfolio): production deployments finished since `since`, any status. */
  async countRecentProduction(
    projectIds: readonly string[],
    since: string,
  ): Promise<Map<string, number>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('deployments')
      .select((eb) => ['project_id', eb.fn.countAll<number>().as('n')])
      .where('project_id', 'in', projectIds)
      .where('environment', '=', 'production')
      .where('finished_at', '>=', since)
      .groupBy('project_id')
      .execute();
    return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
  }

  /** When the project's last successful production deployment finished (an index seek). */
  async lastProductionSuccess(projectId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('deployments')
      .select((eb) => eb.fn.max('finished_at').as('last'))
      .where('project_id', '=', projectId)
      .where('environment', '=', 'production')
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
    return row?.last == null ? null : String(row.last);
  }

  /** Every deployment of a project, oldest finish first: what the KPIs read. */
  async listAll(projectId: string): Promise<DeploymentRecord[]> {
    const rows = await this.selectDeployments()
      .where('deployments.project_id', '=', projectId)
      .orderBy('deployments.finished_at')
      .orderBy('deployments.id')
      .execute();
    return rows.map(toDeployment);
  }

  /**
   * The project's CI runs of these commits, and its runs with these ids: where lead times
   * start, and the runs deployments name or shipped.
   */
  async runStarts(
    projectId: string,
    commits: readonly string[],
    runIds: readonly string[],
  ): Promise<RunStartRow[]> {
    const select = () =>
      this.db
        .selectFrom('runs')
        .select(['id', 'commit_sha', 'provenance', 'started_at', 'finished_at', 'created_at'])
        .where('project_id', '=', projectId);
    const queries: ReturnType<typeof select>[] = [];
    for (let i = 0; i < commits.length; i += CHUNK) {
      const chunk = commits.slice(i, i + CHUNK);
      queries.push(select().where('provenance', '=', 'ci').where('commit_sha', 'in', chunk));
    }
    for (let i = 0; i < runIds.length; i += CHUNK) {
      queries.push(select().where('id', 'in', runIds.slice(i, i + CHUNK)));
    }
    // A run found both by its commit and by its id is kept once.
    const found = new Map<string, RunStartRow>();
    for (const query of queries) {
      for (const r of await query.execute()) {
        found.set(r.id, {
          id: r.id,
          commit: r.commit_sha,
          provenance: r.provenance as Provenance,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          createdAt: r.created_at,
        });
      }
    }
    return [...found.values()];
  }
}
