import {
  beats,
  sprintForDay,
  canonicalEvaluationStrategy,
  formatMetricText,
  isAppError,
  notFound,
  provenanceOf,
  runBelowBaselineEvent,
  runNotComparableEvent,
  NOTIFICATION_EVENT_VERSION,
  type CreateRunBody,
  type NewNotificationEvent,
  type Run,
  type RunComparison,
  type RunListQuery,
  type RunSummary,
} from '@sextant/core';
import {
  newId,
  type BaselineRecord,
  type NewRun,
  type PersonRef,
  type Repositories,
  type RunRecord,
  type SprintRecord,
  type SuccessCriterionRecord,
} from '@sextant/db';
import { iso } from '../clock.js';
import type { CiCaller } from '../http/ci-caller.js';
import { evaluationFingerprint } from '../security/fingerprint.js';
import { ensureFirstBaseline, metricOfRecord, type MetricOfRecord } from './baselines.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ServiceDeps } from './deps.js';
import { refreshDeliveryWarnings } from './delivery.service.js';
import {
  EXPIRED,
  idempotent,
  saveAnswers,
  storedAnswers,
  type Answer,
  type IdempotencyRequest,
} from './idempotency.js';
import { ALONE, WriteGroup, type GroupOutcome } from './write-group.js';
import { presentRun, runPath } from '../presenters/runs.js';
import { loadWritableProject } from './project-guards.js';

/** Who posts: attribution, the CI token's project (for provenance) and the idempotency scope. */
export type RunCaller = CiCaller;

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
    isBaseline: baseline?.runId === run.id,
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
      message: `${metric.name} ${formatMetricText(value)} is the baseline (${why}).`,
    };
  }
  const verdict =
    value === baseline.value
      ? 'equals'
      : beats(metric.direction, value, baseline.value)
        ? 'beats'
        : 'is below';
  return {
    ...base,
    status: 'comparable',
    message: `${metric.name} ${formatMetricText(value)} ${verdict} the baseline ${formatMetricText(baseline.value)}.`,
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

/** One post to the runs routes: a single run or a batch, with who sent it and when. */
interface RunPost {
  projectId: string;
  bodies: CreateRunBody[];
  caller: RunCaller;
  fingerprint: unknown;
  now: Date;
}

/** What writing runs into one project needs, loaded once per transaction. */
interface ProjectContext {
  project: { id: string; name: string };
  criterion: SuccessCriterionRecord | undefined;
  sprints: SprintRecord[];
}

const idempotencyOf = (post: RunPost): IdempotencyRequest => ({
  scope: post.caller.idempotencyScope,
  key: post.caller.idempotencyKey,
  fingerprint: post.fingerprint,
});

/** The stored run as the body states it, with provenance and the effective fingerprint. */
function newRun(
  post: RunPost,
  body: CreateRunBody,
  { criterion, sprints }: ProjectContext,
): NewRun {
  const { projectId, caller } = post;
  const now = iso(post.now);
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
  const sprint = sprintForDay(sprints, day);
  return {
    id: newId(),
    projectId,
    sprintId: sprint.sprintId,
    sprintNote: sprint.note,
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
}

/** A batch answer's line: the stored run's id, URL, provenance and sprint. */
const summaryOf = (run: NewRun): RunSummary => ({
  id: run.id,
  url: runPath(run),
  provenance: run.provenance,
  sprintId: run.sprintId,
  sprintNote: run.sprintNote,
});

/**
 * Runs just written, as the API shows them, for several posts at once: who posted and each
 * project's comparison context are read once. The records are the rows as built (text
 * columns, JSON that round-trips), not read back.
 */
async function presentRunGroups(
  repos: Repositories,
  groups: readonly { projectId: string; runs: readonly NewRun[] }[],
): Promise<Run[][]> {
  const posters = new Map<string, PersonRef | null>();
  const userIds = new Set(groups.flatMap((g) => g.runs.flatMap((r) => r.postedById ?? [])));
  for (const userId of userIds) {
    const user = await repos.users.findById(userId);
    posters.set(userId, user ? { id: user.id, name: user.name, email: user.email } : null);
  }
  const compares = new Map<string, (run: RunRecord) => RunComparison>();
  for (const projectId of new Set(
    groups.filter((g) => g.runs.length > 0).map((g) => g.projectId),
  )) {
    compares.set(projectId, (await comparisonContext(repos, projectId)).compare);
  }
  return groups.map(({ projectId, runs }) =>
    runs.map(({ postedById, ...run }) => {
      const record: RunRecord = {
        ...run,
        postedBy: postedById ? (posters.get(postedById) ?? null) : null,
      };
      const compare = compares.get(projectId);
      if (!compare) throw new Error(`no comparison for project ${projectId}`);
      return presentRun(record, compare(record));
    }),
  );
}

const presentRuns = async (repos: Repositories, projectId: string, runs: NewRun[]) =>
  (await presentRunGroups(repos, [{ projectId, runs }]))[0] ?? [];

/**
 * Each CI run that reports the success metric and does not beat the baseline in force
 * records run.below_baseline; one evaluated under another fingerprint than the baseline's
 * records run.not_comparable (in the posts' transaction, at each post's instant). Without a
 * criterion or a baseline nothing is read beyond the baseline.
 */
async function emitRunVerdicts(
  repos: Repositories,
  context: ProjectContext,
  posted: readonly { post: RunPost; runs: readonly NewRun[] }[],
): Promise<void> {
  const metric = metricOfRecord(context.criterion);
  if (!metric) return;
  const baseline = await repos.baselines.current(context.project.id);
  if (!baseline || baseline.metricName !== metric.name) return;
  let baselineStrategy: string | null | undefined;
  const events: { event: NewNotificationEvent; now: string }[] = [];
  for (const { post, runs } of posted) {
    const now = iso(post.now);
    for (const run of runs) {
      const value = run.metrics[metric.name];
      if (run.provenance !== 'ci' || value === undefined || run.id === baseline.runId) continue;
      if (run.evaluationFingerprint !== baseline.evaluationFingerprint) {
        if (baselineStrategy === undefined) {
          baselineStrategy =
            (await repos.runs.findById(baseline.runId))?.evaluationStrategy ?? null;
        }
        const event = runNotComparableEvent(context.project, run, {
          metricName: metric.name,
          value,
          baselineRunId: baseline.runId,
          runFingerprint: run.evaluationFingerprint,
          baselineFingerprint: baseline.evaluationFingerprint,
          runStrategy: run.evaluationStrategy,
          baselineStrategy,
        });
        events.push({ event, now });
      } else if (!beats(metric.direction, value, baseline.value)) {
        const event = runBelowBaselineEvent(context.project, run, {
          metricName: metric.name,
          value,
          baselineValue: baseline.value,
          baselineRunId: baseline.runId,
          direction: metric.direction,
        });
        events.push({ event, now });
      }
    }
  }
  // One statement or two for the whole batch, not two per run.
  if (events.length > 0)
    await repos.notificationEvents.emitMany(events, NOTIFICATION_EVENT_VERSION);
}

export class RunService {
  /** Concurrent single-run posts share one durable transaction (see write-group.ts). */
  private readonly singles: WriteGroup<RunPost, Answer<Run[]>>;

  constructor(private readonly deps: ServiceDeps) {
    this.singles = new WriteGroup({
      store: deps.store,
      write: (repos, posts) => this.writeGroup(repos, posts),
      alone: (post) => this.postAlone(post, presentRuns),
    });
  }

  /**
   * One run: concurrent posts are grouped into one transaction (write-group.ts), and each
   * is answered exactly as if it had been posted alone, once per Idempotency-Key.
   */
  postOne(
    projectId: string,
    body: CreateRunBody,
    caller: RunCaller,
    fingerprint: unknown,
  ): Promise<Answer<Run[]>> {
    const now = this.deps.clock.now();
    return this.singles.submit({ projectId, bodies: [body], caller, fingerprint, now });
  }

  /** A batch of runs: stored in one transaction, answered once per Idempotency-Key. */
  post(
    projectId: string,
    bodies: CreateRunBody[],
    caller: RunCaller,
    fingerprint: unknown,
  ): Promise<Answer<RunSummary[]>> {
    const post = { projectId, bodies, caller, fingerprint, now: this.deps.clock.now() };
    return this.postAlone(post, async (_repos, _projectId, runs) => runs.map(summaryOf));
  }

  /** A post in its own transaction, answered as `present` shows its runs. */
  private postAlone<T>(
    post: RunPost,
    present: (repos: Repositories, projectId: string, runs: NewRun[]) => Promise<T>,
  ): Promise<Answer<T>> {
    return idempotent(this.deps.store, idempotencyOf(post), post.now, async (repos) => {
      const [written] = await this.insert(repos, [post]);
      if (!written) throw new Error('a post was not written');
      if ('error' in written) throw written.error;
      return { status: 201, body: await present(repos, post.projectId, written.runs) };
    });
  }

  /**
   * Several single-run posts in one transaction, each with the meaning it has alone: a
   * stored key replays (or is refused when the body differs), a missing or archived
   * project fails only its posts, and the key is stored with the answer. A key sent twice
   * in one group: the second goes alone after the commit, and replays the first.
   */
  private async writeGroup(
    repos: Repositories,
    posts: readonly RunPost[],
  ): Promise<GroupOutcome<Answer<Run[]>>[]> {
    const outcomes: GroupOutcome<Answer<Run[]>>[] = [];
    const keys = new Set<string>();
    const first: number[] = [];
    for (const [i, post] of posts.entries()) {
      const { idempotencyScope: scope, idempotencyKey: key } = post.caller;
      const scopedKey = key === null ? null : JSON.stringify([scope, key]);
      if (scopedKey !== null && keys.has(scopedKey)) {
        outcomes[i] = ALONE;
        continue;
      }
      if (scopedKey !== null) keys.add(scopedKey);
      first.push(i);
    }
    const stored = await storedAnswers<Run[]>(
      repos,
      first.map((i) => {
        const post = posts[i] as RunPost;
        return { request: idempotencyOf(post), now: post.now };
      }),
    );
    const fresh: number[] = [];
    for (const [j, i] of first.entries()) {
      const answer = stored[j];
      if (answer === undefined) fresh.push(i);
      // An expired key is replaced by the path a post takes alone (saveAnswers only inserts).
      else if (answer === EXPIRED) outcomes[i] = ALONE;
      else outcomes[i] = 'error' in answer ? { error: answer.error } : { value: answer };
    }
    const written = await this.insert(
      repos,
      fresh.map((i) => posts[i] as RunPost),
    );
    const presented = await presentRunGroups(
      repos,
      written.map((result, j) => ({
        projectId: (posts[fresh[j] as number] as RunPost).projectId,
        runs: result && 'runs' in result ? result.runs : [],
      })),
    );
    const toSave: Parameters<typeof saveAnswers<Run[]>>[1][number][] = [];
    for (const [j, i] of fresh.entries()) {
      const post = posts[i] as RunPost;
      const result = written[j];
      if (!result || 'error' in result) {
        outcomes[i] = { error: result?.error ?? new Error('a post was not written') };
        continue;
      }
      const answer = { status: 201, body: presented[j] ?? [] };
      toSave.push({ request: idempotencyOf(post), now: post.now, answer });
      outcomes[i] = { value: { ...answer, replayed: false } };
    }
    await saveAnswers(repos, toSave);
    return outcomes;
  }

  /**
   * Writes the posts' runs: the project checks, the criterion and sprints once per project,
   * all rows in few statements, then the rules that follow CI runs (first baseline,
   * delivery warnings) once per project, and each post's runs as presented. A post to a
   * missing or archived project gets that error and writes nothing; other failures throw.
   */
  private async insert(
    repos: Repositories,
    posts: readonly RunPost[],
  ): Promise<({ runs: NewRun[] } | { error: unknown })[]> {
    const contexts = new Map<string, ProjectContext | { error: unknown }>();
    for (const projectId of new Set(posts.map((p) => p.projectId))) {
      let project: { id: string; name: string };
      try {
        project = await loadWritableProject(repos, projectId);
      } catch (error) {
        if (!isAppError(error)) throw error;
        contexts.set(projectId, { error });
        continue;
      }
      contexts.set(projectId, {
        project: { id: project.id, name: project.name },
        criterion: await repos.criteria.find(projectId),
        sprints: await repos.sprints.listForProject(projectId),
      });
    }
    const runsOf = posts.map((post) => {
      const context = contexts.get(post.projectId);
      return !context || 'error' in context
        ? []
        : post.bodies.map((body) => newRun(post, body, context));
    });
    const all = runsOf.flat();
    await repos.runs.insertMany(all);
    for (const [projectId, context] of contexts) {
      if ('error' in context) continue;
      // What posting a CI run sets off, as each post would (the first CI post's instant
      // for the first baseline, the last one's for the warnings it leaves).
      const ciPosts = posts.filter(
        (post, i) => post.projectId === projectId && runsOf[i]?.some((r) => r.provenance === 'ci'),
      );
      const [firstCi, lastCi] = [ciPosts[0], ciPosts.at(-1)];
      if (firstCi && lastCi) {
        await ensureFirstBaseline(repos, projectId, iso(firstCi.now));
        await emitRunVerdicts(
          repos,
          context,
          posts.flatMap((post, i) =>
            post.projectId === projectId ? [{ post, runs: runsOf[i] ?? [] }] : [],
          ),
        );
        await refreshDeliveryWarnings(repos, projectId, lastCi.now);
      }
    }
    return posts.map((post, k) => {
      const context = contexts.get(post.projectId);
      return !context || 'error' in context ? { error: context?.error } : { runs: runsOf[k] ?? [] };
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
      const beforeId = query.cursor ? decodeCursor(query.cursor) : null;
      const rows = await repos.runs.list(projectId, filter, { limit: query.limit + 1, beforeId });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentRun(r, compare(r))),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
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
    const offset = query.cursor ? Number(decodeCursor(query.cursor)) || 0 : 0;
    const items = all.slice(offset, offset + query.limit);
    return {
      items: items.map((r) => presentRun(r, compare(r))),
      nextCursor:
        offset + query.limit < all.length ? encodeCursor(String(offset + query.limit)) : null,
    };
  }
}
