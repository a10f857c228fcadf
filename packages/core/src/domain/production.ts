/**
 * Production feedback, judged per period: the model's top N beside what the operators did.
 * Pure: the service loads predictions, decisions and outcomes and hands them here.
 */
import { LONGEST_UNCHECKED_RULE, simulateLongestUnchecked } from './baseline-strategies.js';
import {
  TOP_N_TIE_RULE,
  evaluateTopN,
  isoWeekOf,
  type EvaluationValueModel,
  type ScoredRecord,
} from './hit-rate.js';
import { roundMoney } from './money.js';

/** Named settings of the production rules. */
export const PRODUCTION_SETTINGS = {
  /** The disagreement alert fires when it rose over this many consecutive periods. */
  disagreementRisingPeriods: 4,
  /** An outcome counts for a period's prediction within this horizon when the criterion has none. */
  defaultHorizonHours: 24,
} as const;

export const DISAGREEMENT_RULE =
  'Disagreement of a period = entities the model ranked in the top N that the operator did not act on, ' +
  'plus entities the operator acted on outside the top N, over the entities in the top N or acted on.';

export const DISAGREEMENT_RISING_RULE = `Disagreement is rising when it went up in each of the last ${PRODUCTION_SETTINGS.disagreementRisingPeriods} periods with predictions (each strictly higher than the one before).`;

export const PRODUCTION_LABEL_RULE =
  "A prediction for day D is a hit when an outcome on its entity falls in [D 00:00 UTC, D 00:00 UTC + the criterion's horizon) (1 day by default).";

export const PRODUCTION_VERSION_RULE =
  'When an entity has predictions by several model versions on a day, the greatest version (string order) counts; rows without a score are not ranked.';

export interface ProductionPrediction {
  entity: string;
  /** YYYY-MM-DD */
  period: string;
  modelVersion: string;
  score: number | null;
}

export interface ProductionDecision {
  entity: string;
  period: string;
  acted: boolean;
  reason: string | null;
}

export interface ProductionOutcome {
  entity: string;
  /** ISO-8601 UTC instant. */
  time: string;
}

/** One period's disagreement: the counts behind the rate and the reasons given. */
export interface Disagreement {
  /** Entities in the top N or acted on. */
  considered: number;
  /** Top N, not acted on. */
  ignored: number;
  /** Acted on, outside the top N. */
  overridden: number;
  /** (ignored + overridden) / considered; 0 when nothing was considered. */
  rate: number;
  /** Reasons given on the disagreeing decisions, by reason. */
  reasons: Record<string, number>;
}

/** Disagreement of one day: the model's top N against the operator's decisions. */
export function disagreementOf(
  topN: ReadonlySet<string>,
  decisions: readonly ProductionDecision[],
): Disagreement {
  const acted = new Set(decisions.filter((d) => d.acted).map((d) => d.entity));
  const reasons: Record<string, number> = {};
  let ignored = 0;
  let overridden = 0;
  for (const entity of topN) if (!acted.has(entity)) ignored += 1;
  for (const entity of acted) if (!topN.has(entity)) overridden += 1;
  for (const d of decisions) {
    const disagrees = d.acted ? !topN.has(d.entity) : topN.has(d.entity);
    if (disagrees && d.reason) reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
  }
  const considered = new Set([...topN, ...acted]).size;
  return {
    considered,
    ignored,
    overridden,
    rate: considered === 0 ? 0 : (ignored + overridden) / considered,
    reasons,
  };
}

/** Adds day disagreements into one (a week's). */
export function sumDisagreements(parts: readonly Disagreement[]): Disagreement {
  const reasons: Record<string, number> = {};
  let considered = 0;
  let ignored = 0;
  let overridden = 0;
  for (const p of parts) {
    considered += p.considered;
    ignored += p.ignored;
    overridden += p.overridden;
    for (const [reason, count] of Object.entries(p.reasons)) {
      reasons[reason] = (reasons[reason] ?? 0) + count;
    }
  }
  return {
    considered,
    ignored,
    overridden,
    rate: considered === 0 ? 0 : (ignored + overridden) / considered,
    reasons,
  };
}

/** True when the last `periods` rates (oldest first) each rose strictly. */
export function isDisagreementRising(
  rates: readonly number[],
  periods: number = PRODUCTION_SETTINGS.disagreementRisingPeriods,
): boolean {
  if (rates.length < periods) return false;
  const last = rates.slice(-periods);
  return last.every((rate, i) => i === 0 || rate > last[i - 1]!);
}

/** A scored prediction with its place in the day's ranking (1 = highest score). */
export interface RankedPrediction extends ProductionPrediction {
  score: number;
  rank: number;
}

/**
 * The N highest-scored predictions of one day, best first, by the evaluation tie rule (score
 * descending, then entity): the ranking behind the production figures and the operator's list.
 */
export function rankedTopN(
  predictions: readonly ProductionPrediction[],
  n: number,
): RankedPrediction[] {
  return predictions
    .filter((p): p is ProductionPrediction & { score: number } => p.score !== null)
    .sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0))
    .slice(0, n)
    .map((p, i) => ({ ...p, rank: i + 1 }));
}

/** The N entities of one day's predictions, by the evaluation tie rule. */
export function topNOf(predictions: readonly ProductionPrediction[], n: number): Set<string> {
  return new Set(rankedTopN(predictions, n).map((p) => p.entity));
}

/** One prediction per entity and day: the greatest model version's. */
export function currentPredictions(
  predictions: readonly ProductionPrediction[],
): ProductionPrediction[] {
  const byKey = new Map<string, ProductionPrediction>();
  for (const p of predictions) {
    const key = `${p.period}\u0000${p.entity}`;
    const kept = byKey.get(key);
    if (!kept || p.modelVersion > kept.modelVersion) byKey.set(key, p);
  }
  return [...byKey.values()];
}

/** Whether an outcome on the entity falls in the label window of `day` (see PRODUCTION_LABEL_RULE). */
export function outcomeIndex(
  outcomes: readonly ProductionOutcome[],
): (entity: string, day: string, horizonHours: number) => boolean {
  const byEntity = new Map<string, number[]>();
  for (const o of outcomes) {
    const list = byEntity.get(o.entity) ?? [];
    list.push(Date.parse(o.time));
    byEntity.set(o.entity, list);
  }
  return (entity, day, horizonHours) => {
    const start = Date.parse(`${day}T00:00:00Z`);
    const end = start + horizonHours * 3_600_000;
    return (byEntity.get(entity) ?? []).some((t) => t >= start && t < end);
  };
}

/** The figures of a period, or of all periods together. */
export interface ProductionTotals {
  /** Days with predictions. */
  days: number;
  /** Mean events caught per day among the model's top N (hit rate@N). */
  hitRate: number;
  eventsCaught: number;
  interventions: number;
  events: number;
  /** Today's strategy (longest-unchecked) on the same days: mean events caught per day. */
  bar: number;
  /** What the model's top N would have been worth; null without a value model. */
  modelNet: number | null;
  /** What the operators' actions were worth: events on entities they acted on. */
  realized: { acted: number; eventsCaught: number; net: number | null };
  disagreement: Disagreement;
}

export interface ProductionPeriod extends ProductionTotals {
  period: string;
}

export interface ProductionInput {
  predictions: readonly ProductionPrediction[];
  decisions: readonly ProductionDecision[];
  outcomes: readonly ProductionOutcome[];
  n: number;
  horizonHours: number;
  periodKind: 'day' | 'week';
  value: EvaluationValueModel | null;
}

export interface ProductionFigures {
  periods: ProductionPeriod[];
  totals: ProductionTotals;
  rules: {
    tie: string;
    label: string;
    bar: string;
    disagreement: string;
    rising: string;
    version: string;
  };
}

const periodKeyOf = (day: string, kind: 'day' | 'week'): string =>
  kind === 'day' ? day : isoWeekOf(day);

/** Items by key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface DayFigures {
  day: string;
  predicted: boolean;
  eventsCaught: number;
  interventions: number;
  events: number;
  bar: number;
  acted: number;
  realizedCaught: number;
  disagreement: Disagreement;
}

/**
 * Production figures per period (UTC days, or ISO weeks of them): the model's hit rate@N
 * (top N per day), today's strategy on the same days (longest-unchecked over the entities
 * seen in predictions, the operators' actions as the check history, the outcomes as events),
 * money and the operators' disagreement with its reasons. A week's hit rate and bar are
 * means per day, so they compare with the criterion's threshold.
 */
export function productionFigures(input: ProductionInput): ProductionFigures {
  const { n, horizonHours, periodKind, value } = input;
  const predictions = currentPredictions(input.predictions);
  const hit = outcomeIndex(input.outcomes);
  const predictionsByDay = groupBy(predictions, (p) => p.period);
  const decisionsByDay = groupBy(input.decisions, (d) => d.period);
  const records: ScoredRecord[] = [];
  for (const p of predictions) {
    if (p.score === null) continue;
    records.push({
      period: p.period,
      entity: p.entity,
      score: p.score,
      label: hit(p.entity, p.period, horizonHours) ? 1 : 0,
    });
  }
  const model = new Map(evaluateTopN(records, { n }).periods.map((p) => [p.period, p]));
  const predictedDays = [...predictionsByDay.keys()].sort();
  const bar =
    predictedDays.length === 0
      ? new Map<string, number>()
      : new Map(
          simulateLongestUnchecked({
            entities: [...new Set(predictions.map((p) => p.entity))],
            checks: input.decisions
              .filter((d) => d.acted)
              .map((d) => ({ entity: d.entity, time: d.period })),
            events: input.outcomes.map((o) => ({ entity: o.entity, time: o.time })),
            periods: predictedDays,
            n,
            horizonDays: Math.max(1, Math.ceil(horizonHours / 24)),
          }).periods.map((p) => [p.period, p.eventsCaught]),
        );
  const days = [...new Set([...predictionsByDay.keys(), ...decisionsByDay.keys()])].sort();
  const dayFigures: DayFigures[] = days.map((day) => {
    const decisions = decisionsByDay.get(day) ?? [];
    const acted = new Set(decisions.filter((d) => d.acted).map((d) => d.entity));
    let realizedCaught = 0;
    for (const entity of acted) if (hit(entity, day, horizonHours)) realizedCaught += 1;
    const m = model.get(day);
    return {
      day,
      predicted: predictionsByDay.has(day),
      eventsCaught: m?.eventsCaught ?? 0,
      interventions: m?.interventions ?? 0,
      events: m?.events ?? 0,
      bar: bar.get(day) ?? 0,
      acted: acted.size,
      realizedCaught,
      disagreement: disagreementOf(topNOf(predictionsByDay.get(day) ?? [], n), decisions),
    };
  });
  const net = (caught: number, interventions: number): number | null =>
    value ? roundMoney(caught * value.costMissed - interventions * value.costIntervention) : null;
  const combine = (list: readonly DayFigures[]): ProductionTotals => {
    const predicted = list.filter((d) => d.predicted).length;
    const sum = (f: (d: DayFigures) => number) => list.reduce((s, d) => s + f(d), 0);
    const eventsCaught = sum((d) => d.eventsCaught);
    const interventions = sum((d) => d.interventions);
    const acted = sum((d) => d.acted);
    const realizedCaught = sum((d) => d.realizedCaught);
    return {
      days: predicted,
      hitRate: predicted === 0 ? 0 : eventsCaught / predicted,
      eventsCaught,
      interventions,
      events: sum((d) => d.events),
      bar: predicted === 0 ? 0 : sum((d) => d.bar) / predicted,
      modelNet: net(eventsCaught, interventions),
      realized: { acted, eventsCaught: realizedCaught, net: net(realizedCaught, acted) },
      disagreement: sumDisagreements(list.map((d) => d.disagreement)),
    };
  };
  const byPeriod = groupBy(dayFigures, (d) => periodKeyOf(d.day, periodKind));
  const periods = [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, list]) => ({ period, ...combine(list) }));
  return {
    periods,
    totals: combine(dayFigures),
    rules: {
      tie: TOP_N_TIE_RULE,
      label: PRODUCTION_LABEL_RULE,
      bar: LONGEST_UNCHECKED_RULE,
      disagreement: DISAGREEMENT_RULE,
      rising: DISAGREEMENT_RISING_RULE,
      version: PRODUCTION_VERSION_RULE,
    },
  };
}
