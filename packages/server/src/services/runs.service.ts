import {
  canonicalEvaluationStrategy,
  notFound,
  provenanceOf,
  type CreateRunBody,
  type Run,
  type RunComparison,
  type RunListQuery,
} from '@sextant/core';
import {
  newId,
  type BaselineRecord,
  type NewRun,
  type Repositories,
  type RunRecord,
  type SprintRecord,
} from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { evaluationFingerprint } from '../security/fingerprint.js';
import { ensureFirstBaseline, metricOfRecord, type MetricOfRecord } from './baselines.js';
import type { ServiceDeps } from './deps.js';
import { refreshDeliveryWarnings } from './delivery.service.js';
import { idempotent, type Answer } from './idempotency.js';
import { loadWritableProject } from './projects.service.js';
import { presentRun } from '../presenters/runs.js';

/** Who posts: attribution, the CI token's project (for provenance) and the idempotency scope. */
export interface RunCaller {
  actor: Actor;
  ciProjectId: string | null;
  idempotencyScope: string;
  idempotencyKey: string | null;
}

/** The sprint whose dates hold the day (sprints never overlap, so there is at most one). */
function sprintOn(sprints: readonly SprintRecord[], day: string): string | null {
  return sprints.find((s) => s.startDate <= day && day <= s.endDate)?.id ?? null;
}

export const NOT_COMPARABLE = 'not comparable: evaluation strategy changed';

/**
 * How a run stands against the baseline. Manual runs never enter the comparison; a run
 * under another evaluation fingerprint is never compared, and both strategies are named.
 */
export function compareRun(
  run: RunRecord,
  metric: MetricOfRecord | null,
  baseline: BaselineRecord | undefined,
  baselineStrategy: string | null,
): RunComparison {
  const value = metric ? (run.metrics[metric.name] ?? null) : null;
  const base = {
    metricName: metric?.name ?? null,
    value,
    baselineValue: baseline?.value ?? null,
    runFingerprint: run.evaluationFingerprint,
    baselineFingerprint: baseline?.evaluationFingerprint ?? null,
    runStrategy: null,
    baselineStrategy: null,
  };
  if (run.provenance === 'manual') {
    return {
      ...base,
      status: 'manual',
      message:
        'Manual run: shown with a badge, never used for baselines, charts of record or KPIs. Only runs posted by CI with the project’s CI token count.',
    };
  }
  if (!metric) {
    return {
      ...base,
      status: 'no_metric',
      message: 'No success criterion yet: set it to compare runs.',
    };
  }
  if (value === null) {
    return { ...base, status: 'no_metric', message: `This run does not report ${metric.name}.` };
  }
  if (!baseline) {
    return { ...base, status: 'no_baseline', message: 'No baseline yet.' };
  }
  if (baseline.evaluationFingerprint !== run.evaluationFingerprint) {
    return {
      ...base,
      status: 'not_comparable',
      message: `${NOT_COMPARABLE}: this run was evaluated under ${run.evaluationFingerprint ?? 'an unstated strategy'}, the baseline under ${baseline.evaluationFingerprint ?? 'an unstated strategy'}.`,
      runStrategy: run.evaluationStrategy,
      baselineStrategy,
    };
  }
  if (baseline.runId === run.id) {
    const why =
      baseline.reason === 'first_ci_run' ? 'the project’s first CI run' : 'best of its sprint';
    return {
      ...base,
      status: 'comparable',
      message: `${metric.name} ${value} is the baseline (${why}).`,
    };
  }
  const better = metric.direction === 'increase' ? value > baseline.value : value < baseline.value;
  const verdict = value === baseline.value ? 'equals' : better ? 'beats' : 'is below';
  return {
    ...base,
    status: 'comparable',
    message: `${metric.name} ${value} ${verdict} the baseline ${baseline.value}.`,
  };
}

/** What comparing runs of one project needs, loaded once. */
async function comparisonContext(repos: Repositories, projectId: string) {
  const metric = metricOfRecord(await repos.criteria.find(projectId));
  const baseline = await repos.baselines.current(projectId);
  const baselineRun = baseline ? await repos.runs.findById(baseline.runId) : undefined;
  return {
    compare: (run: RunRecord) =>
      compareRun(run, metric, baseline, baselineRun?.evaluationStrategy ?? null),
  };
}

export class RunService {
  constructor(private readonly deps: ServiceDeps) {}

  /** One run, or a batch: stored in one transaction, answered once per Idempotency-Key. */
  post(
    projectId: string,
    bodies: CreateRunBody[],
    caller: RunCaller,
    fingerprint: unknown,
  ): Promise<Answer<Run[]>> {
    const { store, clock } = this.deps;
    return idempotent(
      store,
      { scope: caller.idempotencyScope, key: caller.idempotencyKey, fingerprint },
      clock.now(),
      async (repos) => ({ status: 201, body: await this.insert(repos, projectId, bodies, caller) }),
    );
  }

  private async insert(
    repos: Repositories,
    projectId: string,
    bodies: CreateRunBody[],
    caller: RunCaller,
  ): Promise<Run[]> {
    const { clock } = this.deps;
    await loadWritableProject(repos, projectId);
    const criterion = await repos.criteria.find(projectId);
    const sprints = await repos.sprints.listForProject(projectId);
    const now = iso(clock.now());
    const runs: NewRun[] = bodies.map((body) => {
      // A run that does not say how it was evaluated is taken to follow the success criterion.
      const strategy = body.evaluation
        ? canonicalEvaluationStrategy(body.evaluation)
        : body.evaluationFingerprint
          ? null
          : criterion
            ? canonicalEvaluationStrategy(criterion.evaluation)
            : null;
      const fingerprint = body.evaluation
        ? evaluationFingerprint(body.evaluation)
        : (body.evaluationFingerprint ?? criterion?.evaluationFingerprint ?? null);
      const day = (body.finishedAt ? new Date(body.finishedAt).toISOString() : now).slice(0, 10);
      return {
        id: newId(),
        projectId,
        sprintId: sprintOn(sprints, day),
        provenance: provenanceOf({
          ciTokenProjectId: caller.ciProjectId,
          projectId,
          hasCiMetadata: body.ci !== undefined,
        }),
        metrics: body.metrics,
        params: body.params ?? {},
        commit: body.commit,
        branch: body.branch ?? null,
        datasetVersion: body.datasetVersion ?? null,
        evaluationFingerprint: fingerprint,
        evaluationStrategy:
          strategy ??
          (fingerprint === criterion?.evaluationFingerprint && criterion
            ? canonicalEvaluationStrategy(criterion.evaluation)
            : null),
        startedAt: body.startedAt ? new Date(body.startedAt).toISOString() : null,
        finishedAt: body.finishedAt ? new Date(body.finishedAt).toISOString() : null,
        ci: body.ci ?? null,
        tokenId: caller.actor.tokenId,
        postedById: caller.actor.userId,
        createdAt: now,
      };
    });
    await repos.runs.insertMany(runs);
    if (runs.some((r) => r.provenance === 'ci')) {
      await ensureFirstBaseline(repos, projectId, now);
      await refreshDeliveryWarnings(repos, projectId, clock.now());
    }
    const stored = await repos.runs.findByIds(runs.map((r) => r.id));
    const byId = new Map(stored.map((r) => [r.id, r]));
    const { compare } = await comparisonContext(repos, projectId);
    return runs.map((r) => {
      const record = byId.get(r.id);
      if (!record) throw new Error(`run ${r.id} vanished inside its own transaction`);
      return presentRun(record, compare(record));
    });
  }

  async get(runId: string): Promise<Run> {
    const { repos } = this.deps.store;
    const run = await repos.runs.findById(runId);
    if (!run) throw notFound('Run');
    const { compare } = await comparisonContext(repos, run.projectId);
    return presentRun(run, compare(run));
  }

  /**
   * Newest first with filters; sorting by a metric reads the filtered runs and sorts them
   * here (metrics are one JSON document per run), paging by offset.
   */
  async list(
    projectId: string,
    query: RunListQuery,
  ): Promise<{ items: Run[]; nextCursor: string | null }> {
    const { repos } = this.deps.store;
    const { compare } = await comparisonContext(repos, projectId);
    const filter = { provenance: query.provenance, sprintId: query.sprintId, branch: query.branch };
    if (!query.sortMetric) {
      const beforeId = query.cursor ? decodeRunCursor(query.cursor) : null;
      const rows = await repos.runs.list(projectId, filter, { limit: query.limit + 1, beforeId });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentRun(r, compare(r))),
        nextCursor: rows.length > query.limit && last ? encodeRunCursor(last.id) : null,
      };
    }
    const metric = query.sortMetric;
    const all = await repos.runs.list(projectId, filter, { limit: 100_000, beforeId: null });
    const sign = query.order === 'asc' ? 1 : -1;
    all.sort((a, b) => {
      const va = a.metrics[metric];
      const vb = b.metrics[metric];
      if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
      return (va - vb) * sign || (a.id < b.id ? 1 : -1);
    });
    const offset = query.cursor
      ? Number(Buffer.from(query.cursor, 'base64url').toString()) || 0
      : 0;
    const items = all.slice(offset, offset + query.limit);
    return {
      items: items.map((r) => presentRun(r, compare(r))),
      nextCursor:
        offset + query.limit < all.length
          ? Buffer.from(String(offset + query.limit)).toString('base64url')
          : null,
    };
  }
}

const encodeRunCursor = (id: string) => Buffer.from(id).toString('base64url');
const decodeRunCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString();
