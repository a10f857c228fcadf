import {
  AppError,
  PRODUCTION_SETTINGS,
  addDays,
  durationHours,
  notFound,
  productionFigures,
  type DecisionItem,
  type FeedbackResult,
  type OutcomeItem,
  type PredictionItem,
  type ProductionQuery,
  type ProductionReport,
  type ReasonBacklogBody,
  utcDay,
} from '@sextant/core';
import type { BacklogItemRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { BacklogService } from './backlog.service.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './projects.service.js';

/** Items of one kind as validated by the core schemas. */
export type FeedbackItems =
  | { kind: 'predictions'; items: PredictionItem[] }
  | { kind: 'decisions'; items: DecisionItem[] }
  | { kind: 'outcomes'; items: OutcomeItem[] };

/** Duplicates within one upload: the last one wins, as a re-sent row does. */
function lastOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

/** The default range of the production page: the last four weeks. */
const DEFAULT_RANGE_DAYS = 28;

interface Criterion {
  n: number;
  threshold: number;
  horizon: string;
  value: { costMissed: number; costIntervention: number; currency: string } | null;
}

async function hitRateCriterion(repos: Repositories, projectId: string): Promise<Criterion | null> {
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
  private readonly backlog: BacklogService;

  constructor(private readonly deps: ServiceDeps) {
    this.backlog = new BacklogService(deps);
  }

  /**
   * Writes a validated batch in one transaction: rows are keyed by (entity, period, model
   * version) — (entity, time, event) for outcomes — and a row already stored is replaced.
   */
  async ingest(projectId: string, batch: FeedbackItems): Promise<FeedbackResult> {
    const { store, clock } = this.deps;
    const now = iso(clock.now());
    const received = batch.items.length;
    const counts = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const written = await this.write(repos, projectId, batch, now);
      await repos.projects.touch(projectId, now);
      return written;
    });
    return { received, ...counts };
  }

  private write(repos: Repositories, projectId: string, batch: FeedbackItems, now: string) {
    const sep = '\u0000';
    switch (batch.kind) {
      case 'predictions':
        return repos.feedback.upsertPredictions(
          projectId,
          lastOfEach(batch.items, (i) => [i.entity, i.period, i.modelVersion].join(sep)).map(
            (i) => ({
              entity: i.entity,
              period: i.period,
              modelVersion: i.modelVersion,
              score: i.score ?? null,
              class: i.class ?? null,
            }),
          ),
          now,
        );
      case 'decisions':
        return repos.feedback.upsertDecisions(
          projectId,
          lastOfEach(batch.items, (i) => [i.entity, i.period, i.modelVersion ?? ''].join(sep)).map(
            (i) => ({
              entity: i.entity,
              period: i.period,
              modelVersion: i.modelVersion ?? '',
              acted: i.acted,
              reason: i.reason || null,
              decidedBy: i.decidedBy || null,
            }),
          ),
          now,
        );
      case 'outcomes':
        return repos.feedback.upsertOutcomes(
          projectId,
          lastOfEach(batch.items, (i) => [i.entity, i.time, i.event].join(sep)).map((i) => ({
            entity: i.entity,
            // One spelling per instant, so the key and the range reads compare as text.
            time: new Date(i.time).toISOString(),
            event: i.event,
          })),
          now,
        );
    }
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
  ): Promise<BacklogItemRecord> {
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
