import {
  AppError,
  PRODUCTION_SETTINGS,
  addDays,
  durationHours,
  notFound,
  productionFigures,
  type BacklogItem,
  type DecisionItem,
  type FeedbackKind,
  type FeedbackResult,
  type OutcomeItem,
  type PredictionItem,
  type ProductionQuery,
  type ProductionReport,
  type ReasonBacklogBody,
  utcDay,
} from '@sextant/core';
import { CopyKeyConflict, type FeedbackUpsert, type Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import {
  FEEDBACK_BULK_LIMIT,
  feedbackBatches,
  type FeedbackItemOf,
} from '../import/feedback-rows.js';
import { spoolBody } from '../import/upload-body.js';
import type { BacklogService } from './backlog.service.js';
import type { ServiceDeps } from './deps.js';
import { idempotent, type Answer, type IdempotencyRequest } from './idempotency.js';
import { loadWritableProject } from './project-guards.js';

/** Items of one kind as validated by the core schemas. */
export type FeedbackItems =
  | { kind: 'predictions'; items: PredictionItem[] }
  | { kind: 'decisions'; items: DecisionItem[] }
  | { kind: 'outcomes'; items: OutcomeItem[] };

/** An upsert of stored rows, fed with items mapped to them. */
function fedWith<I, R>(upsert: FeedbackUpsert<R>, toRow: (item: I) => R): FeedbackUpsert<I> {
  return {
    write: (items) => upsert.write(items.map(toRow)),
    finish: () => upsert.finish(),
    discard: () => upsert.discard(),
  };
}

/**
 * The writer of each kind: items become stored rows, keyed by (entity, period, model
 * version), (entity, period, model version or '') for decisions and (entity, time, event)
 * for outcomes.
 */
const WRITERS: {
  [K in FeedbackKind]: (
    repos: Repositories,
    projectId: string,
    now: string,
    assumeNew: boolean,
  ) => FeedbackUpsert<FeedbackItemOf[K]>;
} = {
  predictions: (repos, projectId, now, assumeNew) =>
    fedWith(repos.feedback.upsertPredictions(projectId, now, assumeNew), (i: PredictionItem) => ({
      entity: i.entity,
      period: i.period,
      modelVersion: i.modelVersion,
      score: i.score ?? null,
      class: i.class ?? null,
    })),
  decisions: (repos, projectId, now, assumeNew) =>
    fedWith(repos.feedback.upsertDecisions(projectId, now, assumeNew), (i: DecisionItem) => ({
      entity: i.entity,
      period: i.period,
      modelVersion: i.modelVersion ?? '',
      acted: i.acted,
      reason: i.reason || null,
      decidedBy: i.decidedBy || null,
    })),
  outcomes: (repos, projectId, now, assumeNew) =>
    fedWith(repos.feedback.upsertOutcomes(projectId, now, assumeNew), (i: OutcomeItem) => ({
      entity: i.entity,
      // One spelling per instant, so the key and the range reads compare as text.
      time: new Date(i.time).toISOString(),
      event: i.event,
    })),
};

/** The default range of the production page: the last four weeks. */
const DEFAULT_RANGE_DAYS = 28;

/** A hit rate@N criterion as the production figures use it. */
export interface Criterion {
  n: number;
  threshold: number;
  horizon: string;
  value: { costMissed: number; costIntervention: number; currency: string } | null;
}

/** The project's hit rate@N criterion, with the default horizon; null without one. */
export async function hitRateCriterion(
  repos: Repositories,
  projectId: string,
): Promise<Criterion | null> {
  const criterion = await repos.criteria.find(projectId);
  if (!criterion || criterion.metric.kind !== 'hit_rate_at_n') return null;
  return {
    n: criterion.metric.n,
    threshold: criterion.threshold,
    horizon: criterion.evaluation.horizon ?? `${PRODUCTION_SETTINGS.defaultHorizonHours}h`,
    value: criterion.valueModel,
  };
}

/** Loads a range and computes the production figures (no access check: the route did it). */
async function figuresFor(
  repos: Repositories,
  projectId: string,
  criterion: Criterion,
  range: { from: string; to: string; periodKind: 'day' | 'week' },
) {
  const horizonHours = durationHours(criterion.horizon);
  const [predictions, decisions, outcomes] = await Promise.all([
    repos.feedback.predictionsBetween(projectId, range.from, range.to),
    repos.feedback.decisionsBetween(projectId, range.from, range.to),
    repos.feedback.outcomesBetween(
      projectId,
      `${range.from}T00:00:00.000Z`,
      new Date(
        Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) + horizonHours * 3_600_000,
      ).toISOString(),
    ),
  ]);
  return productionFigures({
    predictions,
    decisions,
    outcomes,
    n: criterion.n,
    horizonHours,
    periodKind: range.periodKind,
    value: criterion.value,
  });
}

/**
 * The disagreement rates of the last days with predictions, oldest first: the fact behind
 * the `operator_disagreement_rising` alert. Empty without a hit-rate@N criterion.
 */
export async function recentDisagreement(
  repos: Repositories,
  projectId: string,
): Promise<number[]> {
  const days = await repos.feedback.latestPredictionDays(
    projectId,
    PRODUCTION_SETTINGS.disagreementRisingPeriods,
  );
  if (days.length === 0) return [];
  const criterion = await hitRateCriterion(repos, projectId);
  if (!criterion) return [];
  const figures = await figuresFor(repos, projectId, criterion, {
    from: days.at(-1)!,
    to: days[0]!,
    periodKind: 'day',
  });
  return figures.periods.filter((p) => days.includes(p.period)).map((p) => p.disagreement.rate);
}

/** Production feedback: ingestion (upsert, the last one wins) and the production figures. */
export class ProductionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly backlog: BacklogService,
  ) {}

  /** Writes a JSON body's items (validated by the route) in one transaction. */
  ingest(projectId: string, batch: FeedbackItems): Promise<FeedbackResult> {
    // The union pairs each kind with its items; a generic call cannot see that pairing.
    const { kind, items } = batch as { kind: FeedbackKind; items: FeedbackItemOf[FeedbackKind][] };
    return this.deps.store.transaction((repos) =>
      this.writeBatchesIn(repos, projectId, kind, () => [items]),
    );
  }

  /**
   * `ingest` once per Idempotency-Key: the answer is stored with the rows in one transaction,
   * so a retry with the same key and body replays it and stores nothing again; the same key
   * with another body is refused (422).
   */
  ingestOnce(
    projectId: string,
    batch: FeedbackItems,
    request: IdempotencyRequest,
  ): Promise<Answer<FeedbackResult>> {
    const { kind, items } = batch as { kind: FeedbackKind; items: FeedbackItemOf[FeedbackKind][] };
    return idempotent(this.deps.store, request, this.deps.clock.now(), async (repos) => ({
      status: 200,
      body: await this.writeBatchesIn(repos, projectId, kind, () => [items]),
    }));
  }

  /**
   * Writes a bulk body (CSV or NDJSON, up to 100 MB): kept in a temporary file as it arrives,
   * then read, checked and written batch by batch in one transaction, so memory holds one
   * batch whatever the size; a bad row anywhere rolls everything back.
   */
  async ingestBulk(
    projectId: string,
    kind: FeedbackKind,
    format: 'csv' | 'ndjson',
    body: AsyncIterable<Buffer>,
  ): Promise<FeedbackResult> {
    const spooled = await spoolBody(body, FEEDBACK_BULK_LIMIT);
    try {
      return await this.deps.store.transaction((repos) =>
        this.writeBatchesIn(repos, projectId, kind, () =>
          feedbackBatches(kind, format, spooled.chunks()),
        ),
      );
    } finally {
      await spooled.remove();
    }
  }

  /**
   * Writes batches of one kind in the caller's transaction: a row already stored is replaced (the
   * last one wins, within an upload too). `inserted` counts the keys new to the project and
   * `updated` every other row received. First as if every key were new (on PostgreSQL a
   * COPY straight into the table); if one is not, the batches are read again and upserted.
   */
  private async writeBatchesIn<K extends FeedbackKind>(
    repos: Repositories,
    projectId: string,
    kind: K,
    batches: () => AsyncIterable<FeedbackItemOf[K][]> | Iterable<FeedbackItemOf[K][]>,
  ): Promise<FeedbackResult> {
    const now = iso(this.deps.clock.now());
    await loadWritableProject(repos, projectId);
    const write = async (assumeNew: boolean) => {
      const writer = WRITERS[kind](repos, projectId, now, assumeNew);
      let received = 0;
      try {
        for await (const items of batches()) {
          received += items.length;
          await writer.write(items);
        }
      } catch (error) {
        await writer.discard();
        throw error;
      }
      const inserted = await writer.finish();
      return { received, inserted, updated: received - inserted };
    };
    let result: FeedbackResult;
    try {
      result = await write(true);
    } catch (error) {
      if (!(error instanceof CopyKeyConflict)) throw error;
      result = await write(false);
    }
    await repos.projects.touch(projectId, now);
    return result;
  }

  async report(projectId: string, query: ProductionQuery): Promise<ProductionReport> {
    const repos = this.deps.store.repos;
    const project = await repos.projects.findById(projectId);
    if (!project) throw notFound('Project');
    const criterion = await hitRateCriterion(repos, projectId);
    if (!criterion) {
      throw new AppError(
        'rule_violation',
        "The project's success criterion is not a hit rate@N: set one to measure production.",
        { field: 'criterion' },
      );
    }
    const to = query.to ?? utcDay(this.deps.clock.now());
    const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    if (from > to) {
      throw new AppError('invalid_request', 'from: must not be after to.', { field: 'from' });
    }
    const figures = await figuresFor(repos, projectId, criterion, {
      from,
      to,
      periodKind: query.period,
    });
    const reasons = new Map<string, { count: number; periods: string[] }>();
    for (const p of figures.periods) {
      for (const [reason, count] of Object.entries(p.disagreement.reasons)) {
        const entry = reasons.get(reason) ?? { count: 0, periods: [] };
        entry.count += count;
        entry.periods.push(p.period);
        reasons.set(reason, entry);
      }
    }
    return {
      projectId,
      from,
      to,
      periodKind: query.period,
      n: criterion.n,
      threshold: criterion.threshold,
      horizon: criterion.horizon,
      currency: criterion.value?.currency ?? null,
      periods: figures.periods,
      totals: figures.totals,
      reasons: [...reasons.entries()]
        .map(([reason, e]) => ({ reason, ...e }))
        .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
      rules: figures.rules,
    };
  }

  /** One action: a disagreement reason becomes an improvement idea of the backlog. */
  async reasonToBacklog(
    projectId: string,
    body: ReasonBacklogBody,
    actor: Actor,
  ): Promise<BacklogItem> {
    const report = await this.report(projectId, {
      period: 'day',
      ...(body.from ? { from: body.from } : {}),
      ...(body.to ? { to: body.to } : {}),
    });
    const found = report.reasons.find((r) => r.reason === body.reason);
    if (!found) {
      throw new AppError(
        'rule_violation',
        `reason: no disagreement gave this reason between ${report.from} and ${report.to}.`,
        { field: 'reason' },
      );
    }
    const days = found.periods;
    const span = days.length === 1 ? days[0]! : `${days[0]!} to ${days.at(-1)!}`;
    return this.backlog.create(
      projectId,
      {
        observation: `Operators disagreed with the model ${found.count} time${found.count === 1 ? '' : 's'} giving the reason "${found.reason}" (${days.length} day${days.length === 1 ? '' : 's'}: ${span}).`,
        proposedChange: `Study the cases behind "${found.reason}" and teach the model what the operators see (a feature, a label fix or a rule).`,
        effort: { size: 'M' },
        expectedImpact: 'Less operator disagreement and a higher production hit rate@N.',
        status: 'idea',
      },
      actor,
    );
  }
}
