import type { Provenance } from '@sextant/core';
import { personRef, ciJobOf, type Executor } from './executor.js';
import { compiledInsert } from './compiled-insert.js';
import type { RunsTable } from '../schema.js';
import type { PersonRef } from './stories.repository.js';

export type ParamValue = string | number | boolean | null;

export interface RunRecord {
  id: string;
  projectId: string;
  sprintId: string | null;
  /** Which sprint it joined and why, as the rule said when it arrived. */
  sprintNote: string | null;
  provenance: Provenance;
  metrics: Record<string, number>;
  params: Record<string, ParamValue>;
  commit: string;
  branch: string | null;
  datasetVersion: string | null;
  evaluationFingerprint: string | null;
  evaluationStrategy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  ci: { provider: string; jobId: string; jobUrl: string } | null;
  tokenId: string | null;
  postedBy: PersonRef | null;
  createdAt: string;
}

/** A CI run as scoring reads it: its metrics and strategy, nothing else. */
export type CiScoreRecord = Pick<
  RunRecord,
  'id' | 'projectId' | 'sprintId' | 'provenance' | 'metrics' | 'evaluationFingerprint'
>;

export type NewRun = Omit<RunRecord, 'postedBy'> & { postedById: string | null };

type RunRow = RunsTable & { poster_name: string | null; poster_email: string | null };

const toRun = (row: RunRow): RunRecord => ({
  id: row.id,
  projectId: row.project_id,
  sprintId: row.sprint_id,
  sprintNote: row.sprint_note,
  provenance: row.provenance as Provenance,
  metrics: JSON.parse(row.metrics) as Record<string, number>,
  params: JSON.parse(row.params) as Record<string, ParamValue>,
  commit: row.commit_sha,
  branch: row.branch,
  datasetVersion: row.dataset_version,
  evaluationFingerprint: row.evaluation_fingerprint,
  evaluationStrategy: row.evaluation_strategy,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  ci: ciJobOf(row),
  tokenId: row.token_id,
  postedBy: personRef(row.posted_by, row.poster_name, row.poster_email),
  createdAt: row.created_at,
});

const toRow = (run: NewRun): RunsTable => ({
  id: run.id,
  project_id: run.projectId,
  sprint_id: run.sprintId,
  provenance: run.provenance,
  metrics: JSON.stringify(run.metrics),
  params: JSON.stringify(run.params),
  commit_sha: run.commit,
  branch: run.branch,
  dataset_version: run.datasetVersion,
  evaluation_fingerprint: run.evaluationFingerprint,
  evaluation_strategy: run.evaluationStrategy,
  started_at: run.startedAt,
  finished_at: run.finishedAt,
  ci_provider: run.ci?.provider ?? null,
  ci_job_id: run.ci?.jobId ?? null,
  ci_job_url: run.ci?.jobUrl ?? null,
  token_id: run.tokenId,
  posted_by: run.postedById,
  created_at: run.createdAt,
  sprint_note: run.sprintNote,
});

export interface RunFilter {
  provenance?: Provenance | undefined;
  sprintId?: string | undefined;
  branch?: string | undefined;
}

const insertRuns = compiledInsert('runs', [
  'id',
  'project_id',
  'sprint_id',
  'provenance',
  'metrics',
  'params',
  'commit_sha',
  'branch',
  'dataset_version',
  'evaluation_fingerprint',
  'evaluation_strategy',
  'started_at',
  'finished_at',
  'ci_provider',
  'ci_job_id',
  'ci_job_url',
  'token_id',
  'posted_by',
  'created_at',
  'sprint_note',
]);

export class RunRepository {
  constructor(private readonly db: Executor) {}

  private selectRuns() {
    return this.db
      .selectFrom('runs')
      .leftJoin('users as poster', 'poster.id', 'runs.posted_by')
      .selectAll('runs')
      .select(['poster.name as poster_name', 'poster.email as poster_email']);
  }

  /** Many runs in few statements (a batch post or a group of concurrent posts). */
  async insertMany(runs: NewRun[]): Promise<void> {
    await insertRuns(this.db, runs.map(toRow));
  }

  async findById(id: string): Promise<RunRecord | undefined> {
    const row = await this.selectRuns().where('runs.id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  async findByIds(ids: string[]): Promise<RunRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.selectRuns().where('runs.id', 'in', ids).execute();
    return rows.map(toRun);
  }

  /** Newest first, filtered; `beforeId` is the keyset cursor. */
  async list(
    projectId: string,
    filter: RunFilter,
    page: { limit: number; beforeId: string | null },
  ): Promise<RunRecord[]> {
    let query = this.selectRuns().where('runs.project_id', '=', projectId);
    if (filter.provenance) query = query.where('runs.provenance', '=', filter.provenance);
    if (filter.sprintId) query = query.where('runs.sprint_id', '=', filter.sprintId);
    if (filter.branch) query = query.where('runs.branch', '=', filter.branch);
    if (page.beforeId) query = query.where('runs.id', '<', page.beforeId);
    const rows = await query.orderBy('runs.id', 'desc').limit(page.limit).execute();
    return rows.map(toRun);
  }

  /** Every CI run of a project, oldest first: what baselines and charts of record read. */
  async listCi(projectId: string): Promise<RunRecord[]> {
    const rows = await this.selectRuns()
      .where('runs.project_id', '=', projectId)
      .where('runs.provenance', '=', 'ci')
      .orderBy('runs.id')
      .execute();
    return rows.map(toRun);
  }

  /**
   * The CI runs of several projects with only what scoring reads (the success metric's best
   * run for the overview's and the portfolio's money), oldest first.
   */
  async listCiScores(projectIds: readonly string[]): Promise<CiScoreRecord[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('runs')
      .select(['id', 'project_id', 'sprint_id', 'metrics', 'evaluation_fingerprint'])
      .where('project_id', 'in', projectIds)
      .where('provenance', '=', 'ci')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      sprintId: row.sprint_id,
      provenance: 'ci',
      metrics: JSON.parse(row.metrics) as Record<string, number>,
      evaluationFingerprint: row.evaluation_fingerprint,
    }));
  }

  /** A sprint's CI runs, oldest first: what a sprint close promotes the baseline from. */
  async listCiForSprint(sprintId: string): Promise<RunRecord[]> {
    const rows = await this.selectRuns()
      .where('runs.sprint_id', '=', sprintId)
      .where('runs.provenance', '=', 'ci')
      .orderBy('runs.id')
      .execute();
    return rows.map(toRun);
  }

  /**
   * The newest CI run that reports `metric`, read newest first a page at a time (metrics are
   * a JSON document, so the filter is applied here): usually the first page answers.
   */
  async latestCiReporting(projectId: string, metric: string): Promise<RunRecord | undefined> {
    const pageSize = 100;
    let beforeId: string | null = null;
    for (;;) {
      let query = this.selectRuns()
        .where('runs.project_id', '=', projectId)
        .where('runs.provenance', '=', 'ci');
      if (beforeId !== null) query = query.where('runs.id', '<', beforeId);
      const rows = await query.orderBy('runs.id', 'desc').limit(pageSize).execute();
      const found = rows.map(toRun).find((run) => run.metrics[metric] !== undefined);
      if (found || rows.length < pageSize) return found;
      beforeId = rows[rows.length - 1]?.id ?? null;
    }
  }

  /** Runs per project and provenance (the portfolio). */
  async countByProject(
    projectIds: readonly string[],
  ): Promise<{ projectId: string; provenance: Provenance; n: number }[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('runs')
      .select((eb) => ['project_id', 'provenance', eb.fn.countAll<number>().as('n')])
      .where('project_id', 'in', projectIds)
      .groupBy(['project_id', 'provenance'])
      .execute();
    return rows.map((r) => ({
      projectId: r.project_id,
      provenance: r.provenance as Provenance,
      n: Number(r.n),
    }));
  }

  async countBySprint(
    projectId: string,
  ): Promise<{ sprintId: string | null; provenance: Provenance; n: number }[]> {
    const rows = await this.db
      .selectFrom('runs')
      .select((eb) => ['sprint_id', 'provenance', eb.fn.countAll<number>().as('n')])
      .where('project_id', '=', projectId)
      .groupBy(['sprint_id', 'provenance'])
      .execute();
    return rows.map((r) => ({
      sprintId: r.sprint_id,
      provenance: r.provenance as Provenance,
      n: Number(r.n),
    }));
  }
}
