/**
 * Evaluation of a ranking the way the process article measures it: per period (a day or an
 * ISO week, in a stated time zone) the team can intervene on N entities, the N highest
 * scored; the hit rate@N is the number of events among them (true positives), and money is
 * what the caught events would have cost minus what the interventions cost.
 *
 * Streaming: `TopNEvaluator` keeps, per period, only the top N records seen so far (a small
 * heap) plus two counters, so memory is O(periods × N) whatever the number of rows.
 */
import { ISO_DATE } from './dates.js';
import { roundMoney } from './money.js';

export interface ScoredRecord {
  /** The record's day `YYYY-MM-DD`, or an instant (ISO-8601). */
  period: string;
  entity: string;
  score: number;
  /** 1 when the event happened within the horizon after the period. */
  label: 0 | 1;
}

/**
 * The project's value model: what a missed event costs and what an intervention costs (a
 * parsed success criterion's `valueModel` fits); the currency may be left out here.
 */
export interface EvaluationValueModel {
  costMissed: number;
  costIntervention: number;
  currency?: string;
}

export interface PeriodResult {
  period: string;
  /** min(N, records in the period). */
  interventions: number;
  /** Events among the interventions (the period's hit rate@N). */
  eventsCaught: number;
  /** Records of the period with an event. */
  events: number;
  /** = eventsCaught, the true positives among the top N. */
  hitRate: number;
  /** eventsCaught / interventions. */
  precision: number;
  /** eventsCaught / events; null when the period has no event. */
  recall: number | null;
}

export interface EvaluationResult {
  n: number;
  periodKind: 'day' | 'week';
  timeZone: string;
  tieRule: string;
  /** In period order. */
  periods: PeriodResult[];
  /** Mean events caught per period (the process article's hit rate@N); 0 without periods. */
  hitRate: number;
  precisionAtN: number;
  recallAtN: number | null;
  eventsCaught: number;
  events: number;
  interventions: number;
  /** net = caught × costMissed − interventions × costIntervention; null without a value model. */
  money: { caught: number; interventionCost: number; net: number; currency: string | null } | null;
}

export interface TopNOptions {
  n: number;
  periodKind?: 'day' | 'week';
  /** IANA zone turning instants into local days; UTC by default. */
  timeZone?: string;
  value?: EvaluationValueModel;
}

export const TOP_N_TIE_RULE =
  'Within a period, records are ordered by score descending, then entity ascending ' +
  '(string order), then (in weeks, where an entity has a record a day) the earlier record; ' +
  'the first N are the interventions.';

export const HIT_RATE_RULE =
  'Hit rate@N = events among the N highest-scored records of a period; the overall hit rate ' +
  'is its mean over the periods that have records (a period without records is not a period).';

export const MONEY_RULE =
  'Net value = events caught × cost of a missed event − interventions × cost of an intervention.';

/**
 * True when record `a` ranks below `b`: a lower score, or the same score and a later entity,
 * or the same entity and a later period value (the order is total on unique rows).
 */
function ranksBelow(a: ScoredRecord, b: ScoredRecord): boolean {
  return rankedBelow(a, b.score, b.entity, b.period);
}

function rankedBelow(a: ScoredRecord, score: number, entity: string, period: string): boolean {
  return (
    a.score < score ||
    (a.score === score && (a.entity > entity || (a.entity === entity && a.period > period)))
  );
}

/** A bounded min-heap whose root is the lowest-ranked record kept. */
class TopHeap {
  readonly items: ScoredRecord[] = [];
  constructor(private readonly capacity: number) {}

  /** Whether offering this record would keep it (so that it is worth building). */
  wouldKeep(score: number, entity: string, period: string): boolean {
    if (this.items.length < this.capacity) return true;
    const root = this.items[0];
    return root !== undefined && rankedBelow(root, score, entity, period);
  }

  /** The lowest score kept once the heap is full, −Infinity before. */
  bar(): number {
    return this.items.length < this.capacity ? -Infinity : this.items[0]!.score;
  }

  offer(record: ScoredRecord): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(record);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!ranksBelow(items[i]!, items[parent]!)) break;
        [items[i], items[parent]] = [items[parent]!, items[i]!];
        i = parent;
      }
      return;
    }
    if (this.capacity === 0 || !ranksBelow(items[0]!, record)) return;
    items[0] = record;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let lowest = i;
      if (left < items.length && ranksBelow(items[left]!, items[lowest]!)) lowest = left;
      if (right < items.length && ranksBelow(items[right]!, items[lowest]!)) lowest = right;
      if (lowest === i) break;
      [items[i], items[lowest]] = [items[lowest]!, items[i]!];
      i = lowest;
    }
  }
}

/** A TopNEvaluator's state as plain (cloneable) data: see `partial()` and `absorb()`. */
export interface TopNPartial {
  periods: Array<{ key: string; records: number; events: number; kept: ScoredRecord[] }>;
}

/**
 * A period of a TopNEvaluator, as `slotOf` hands it out: a reader that has already found a
 * row's period feeds it with `addToSlot`, without the period being looked up again.
 */
export interface PeriodSlot {
  /** The period key (a day `YYYY-MM-DD` or an ISO week `YYYY-Www`). */
  readonly key: string;
}

interface PeriodState extends PeriodSlot {
  heap: TopHeap;
  records: number;
  events: number;
}

const OFFSET_FREE_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** ISO-8601 with `Z` or an offset; `T` or a space between date and time. */
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a known IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  // UTC is always known; building a formatter to check it costs ~10 ms of ICU start-up.
  if (timeZone === 'UTC') return;
  try {
    dayFormatter(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
}

/**
 * The local day of a period value: a `YYYY-MM-DD` day is itself; a wall-clock time without
 * offset (`2015-01-05 06:00:00`) is already local, its day is its first 10 characters; an
 * instant with an offset or `Z` is turned into the day it falls on in `timeZone`.
 */
export function localDayOf(value: string, timeZone: string): string {
  if (value.length === 10 && ISO_DATE.test(value)) return value;
  if (OFFSET_FREE_INSTANT.test(value)) return value.slice(0, 10);
  const time = ZONED_INSTANT.test(value) ? Date.parse(value.replace(' ', 'T')) : NaN;
  if (Number.isNaN(time)) throw new RangeError(`"${value}" is neither a day nor an instant`);
  const parts = dayFormatter(timeZone).formatToParts(new Date(time));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The ISO week of a day: `2027-01-01` (a Friday) → `2026-W53`. */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the week names its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Streaming: feed records in any order; call result() at the end. */
export class TopNEvaluator {
  /** N: the records each period keeps (its interventions). */
  readonly n: number;
  private readonly periodKind: 'day' | 'week';
  private readonly timeZone: string;
  private readonly value: EvaluationValueModel | undefined;
  private readonly periods = new Map<string, PeriodState>();
  private readonly weekOfDay = new Map<string, string>();
  /** Rows usually come period by period: the last period's key is kept. */
  private lastPeriod = '';
  private lastKey = '';
  private lastState: PeriodState | undefined;

  constructor(options: TopNOptions) {
    if (!Number.isInteger(options.n) || options.n < 1) {
      throw new RangeError(`N must be a whole number ≥ 1 (got ${options.n})`);
    }
    this.n = options.n;
    this.periodKind = options.periodKind ?? 'day';
    this.timeZone = options.timeZone ?? 'UTC';
    assertTimeZone(this.timeZone);
    this.value = options.value;
  }

  /** The period key a record counts in: its local day, or that day's ISO week. */
  periodKey(period: string): string {
    const day = localDayOf(period, this.timeZone);
    if (this.periodKind === 'day') return day;
    let week = this.weekOfDay.get(day);
    if (week === undefined) {
      week = isoWeekOf(day);
      this.weekOfDay.set(day, week);
    }
    return week;
  }

  add(record: ScoredRecord): void {
    this.addScore(record.period, record.entity, record.score, record.label);
  }

  /**
   * `add` in parts: a record object is built only when the period's top N keeps it, which on
   * a large file is a few rows in a hundred (`sextant evaluate` calls this per row).
   */
  addScore(period: string, entity: string, score: number, label: 0 | 1): void {
    let state = this.lastState;
    if (period !== this.lastPeriod || state === undefined) {
      const key = this.periodKey(period);
      this.lastPeriod = period;
      if (key !== this.lastKey || state === undefined) {
        this.lastKey = key;
        state = this.stateOf(key);
        this.lastState = state;
      }
    }
    this.addToSlot(state, period, entity, score, label);
  }

  /** The slot of the period a record of `period` counts in (see `addToSlot`). */
  slotOf(period: string): PeriodSlot {
    return this.stateOf(this.periodKey(period));
  }

  /**
   * `addScore` for a record whose period's slot the caller already holds (`slotOf(period)`
   * of this evaluator): a file in any order is read without a lookup per row.
   */
  addToSlot(slot: PeriodSlot, period: string, entity: string, score: number, label: 0 | 1): void {
    this.countInSlot(slot, 1, label);
    this.offerToSlot(slot, period, entity, score, label);
  }

  /** Counts `records` records of the slot's period, `events` of them with an event. */
  countInSlot(slot: PeriodSlot, records: number, events: number): void {
    const state = slot as PeriodState;
    state.records += records;
    state.events += events;
  }

  /**
   * Offers a record to its period's top N without counting it (the caller counts with
   * `countInSlot`), and answers the period's bar: the lowest score it keeps once it holds N
   * records (−Infinity before). A record scored below the bar would not be kept, so a reader
   * may skip offering it; one scored at the bar may be (ties go by entity).
   */
  offerToSlot(
    slot: PeriodSlot,
    period: string,
    entity: string,
    score: number,
    label: 0 | 1,
  ): number {
    if (!Number.isFinite(score)) {
      throw new RangeError(`Score of "${entity}" is not a finite number`);
    }
    const heap = (slot as PeriodState).heap;
    if (heap.wouldKeep(score, entity, period)) heap.offer({ period, entity, score, label });
    return heap.bar();
  }

  private stateOf(key: string): PeriodState {
    let state = this.periods.get(key);
    if (!state) {
      state = { key, heap: new TopHeap(this.n), records: 0, events: 0 };
      this.periods.set(key, state);
    }
    return state;
  }

  /**
   * What this evaluator holds, as plain data: per period its record and event counts and
   * the records its top N keeps. Another evaluator (same N, periods and zone) `absorb`s it:
   * a file read in parts by several threads is evaluated as if read whole.
   */
  partial(): TopNPartial {
    return {
      periods: [...this.periods].map(([key, state]) => ({
        key,
        records: state.records,
        events: state.events,
        kept: state.heap.items,
      })),
    };
  }

  /** Adds another evaluator's `partial()`: the top N of two parts is among their tops N. */
  absorb(partial: TopNPartial): void {
    for (const part of partial.periods) {
      const state = this.stateOf(part.key);
      state.records += part.records;
      state.events += part.events;
      for (const record of part.kept) state.heap.offer(record);
    }
  }

  result(): EvaluationResult {
    const keys = [...this.periods.keys()].sort();
    const periods: PeriodResult[] = keys.map((period) => {
      const state = this.periods.get(period)!;
      const interventions = state.heap.items.length;
      const eventsCaught = state.heap.items.reduce((sum, r) => sum + r.label, 0);
      return periodResult(period, interventions, eventsCaught, state.events);
    });
    return summarize(periods, {
      n: this.n,
      periodKind: this.periodKind,
      timeZone: this.timeZone,
      tieRule: TOP_N_TIE_RULE,
      value: this.value,
    });
  }
}

/** One period's figures from its counts. */
export function periodResult(
  period: string,
  interventions: number,
  eventsCaught: number,
  events: number,
): PeriodResult {
  return {
    period,
    interventions,
    eventsCaught,
    events,
    hitRate: eventsCaught,
    precision: interventions === 0 ? 0 : eventsCaught / interventions,
    recall: events === 0 ? null : eventsCaught / events,
  };
}

/** Totals, means and money over per-period results (already in period order). */
export function summarize(
  periods: PeriodResult[],
  context: {
    n: number;
    periodKind: 'day' | 'week';
    timeZone: string;
    tieRule: string;
    value?: EvaluationValueModel | undefined;
  },
): EvaluationResult {
  let eventsCaught = 0;
  let events = 0;
  let interventions = 0;
  for (const p of periods) {
    eventsCaught += p.eventsCaught;
    events += p.events;
    interventions += p.interventions;
  }
  const value = context.value;
  const money = value
    ? {
        caught: roundMoney(eventsCaught * value.costMissed),
        interventionCost: roundMoney(interventions * value.costIntervention),
        net: roundMoney(eventsCaught * value.costMissed - interventions * value.costIntervention),
        currency: value.currency ?? null,
      }
    : null;
  return {
    n: context.n,
    periodKind: context.periodKind,
    timeZone: context.timeZone,
    tieRule: context.tieRule,
    periods,
    hitRate: periods.length === 0 ? 0 : eventsCaught / periods.length,
    precisionAtN: interventions === 0 ? 0 : eventsCaught / interventions,
    recallAtN: events === 0 ? null : eventsCaught / events,
    eventsCaught,
    events,
    interventions,
    money,
  };
}

/** Evaluates a whole collection at once (see TopNEvaluator). */
export function evaluateTopN(
  records: Iterable<ScoredRecord>,
  options: TopNOptions,
): EvaluationResult {
  const evaluator = new TopNEvaluator(options);
  for (const record of records) evaluator.add(record);
  return evaluator.result();
}
