import {
  OPERATOR_LIST_PERIODS,
  OPERATOR_LIST_REASONS,
  OPERATOR_OUTCOME_EVENT,
  addDays,
  currentPredictions,
  durationHours,
  notFound,
  rankedTopN,
  type OperatorList,
  type OperatorListQuery,
} from '@sextant/core';
import type { OperatorDecisionRow } from '@sextant/db';
import { presentOperatorRow } from '../presenters/operator-list.js';
import type { ServiceDeps } from './deps.js';
import { hitRateCriterion } from './production.service.js';

/** How far back the list looks for the reasons operators gave. */
const REASON_LOOKBACK_DAYS = 30;

/** Reasons given, most frequent first (ties: the most recent first, then by text). */
function recentReasons(decisions: readonly OperatorDecisionRow[]): string[] {
  const counts = new Map<string, { count: number; last: string }>();
  for (const d of decisions) {
    if (!d.reason) continue;
    const entry = counts.get(d.reason) ?? { count: 0, last: d.period };
    entry.count += 1;
    if (d.period > entry.last) entry.last = d.period;
    counts.set(d.reason, entry);
  }
  return [...counts.entries()]
    .sort(
      ([a, x], [b, y]) =>
        y.count - x.count || (x.last < y.last ? 1 : x.last > y.last ? -1 : a < b ? -1 : 1),
    )
    .slice(0, OPERATOR_LIST_REASONS)
    .map(([reason]) => reason);
}

/**
 * The operator's daily list: the model's top N of one day, ranked as the production figures
 * rank them (`rankedTopN` over `currentPredictions`), with the stored decisions and outcomes.
 */
export class OperatorListService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(projectId: string, query: OperatorListQuery): Promise<OperatorList> {
    const repos = this.deps.store.repos;
    const project = await repos.projects.findById(projectId);
    if (!project) throw notFound('Project');
    const [criterion, periods] = await Promise.all([
      hitRateCriterion(repos, projectId),
      repos.feedback.latestPredictionDays(projectId, OPERATOR_LIST_PERIODS),
    ]);
    const period = query.period ?? periods[0] ?? null;
    const empty = {
      projectId,
      period,
      periods,
      n: criterion?.n ?? null,
      horizon: criterion?.horizon ?? null,
      outcomeWindow: null,
      outcomeEvent: OPERATOR_OUTCOME_EVENT,
      rows: [],
      reasons: [],
    };
    if (!criterion) return { ...empty, status: 'no_criterion' };
    if (period === null) return { ...empty, status: 'no_predictions' };
    const horizonHours = durationHours(criterion.horizon);
    const from = `${period}T00:00:00.000Z`;
    const to = new Date(Date.parse(from) + horizonHours * 3_600_000).toISOString();
    const [predictions, decisions, outcomes] = await Promise.all([
      repos.feedback.predictionsBetween(projectId, period, period),
      repos.feedback.decisionsBetween(projectId, addDays(period, -REASON_LOOKBACK_DAYS), period),
      repos.feedback.outcomesBetween(projectId, from, to),
    ]);
    const ranked = rankedTopN(currentPredictions(predictions), criterion.n);
    const reasons = recentReasons(decisions);
    if (ranked.length === 0) {
      return { ...empty, status: 'no_predictions', outcomeWindow: { from, to }, reasons };
    }
    const rows = ranked.map((p) => {
      const own = decisions.filter((d) => d.period === period && d.entity === p.entity);
      // The decision on the version shown wins over one naming no (or another) version.
      const decision =
        own.find((d) => d.modelVersion === p.modelVersion) ??
        own.find((d) => d.modelVersion === '') ??
        own[0];
      return presentOperatorRow(
        p,
        decision,
        outcomes.find((o) => o.entity === p.entity),
      );
    });
    return { ...empty, status: 'ready', outcomeWindow: { from, to }, rows, reasons };
  }
}
