/**
 * "The bar": how the problem is handled today, simulated on the same days, fleet and events
 * as the model, in the same units (events caught per day) and money.
 */
import {
  assertTimeZone,
  localDayOf,
  periodResult,
  summarize,
  type EvaluationResult,
  type EvaluationValueModel,
  type PeriodResult,
} from './hit-rate.js';
import { dayNumber } from './sprint.js';

export interface EntityTime {
  entity: string;
  /** A day `YYYY-MM-DD` or an instant (turned into a local day in the time zone). */
  time: string;
}

export interface BaselineInput {
  /** The fleet. */
  entities: readonly string[];
  /** Past checks or maintenance; each resets the entity's clock from the next day on. */
  checks?: readonly EntityTime[];
  events: readonly EntityTime[];
  /** The days to simulate, `YYYY-MM-DD` (deduplicated and sorted). */
  periods: readonly string[];
  n: number;
  /** An event counts for day d when it falls on d … d + horizonDays − 1. */
  horizonDays: number;
  timeZone?: string;
  value?: EvaluationValueModel;
}

export const LONGEST_UNCHECKED_RULE =
  'longest-unchecked: each day, check the N entities whose last check is oldest (never checked ' +
  'first, ties by entity ascending); a check — simulated or in the history — resets the clock ' +
  '(history checks count from the day after theirs); a hit is an event on a checked entity ' +
  'on the check day or within the horizon after it.';

export const RANDOM_RULE =
  'random: each day, check N entities drawn uniformly without replacement (mulberry32 PRNG, ' +
  'seeds seed … seed + seeds − 1); the result is the mean over the seeds.';

/** Event days per entity (day numbers, sorted). */
export function eventDaysByEntity(
  events: readonly EntityTime[],
  timeZone: string,
): Map<string, number[]> {
  const byEntity = new Map<string, number[]>();
  for (const e of events) {
    const day = dayNumber(localDayOf(e.time, timeZone));
    const list = byEntity.get(e.entity);
    if (list) list.push(day);
    else byEntity.set(e.entity, [day]);
  }
  for (const list of byEntity.values()) list.sort((a, b) => a - b);
  return byEntity;
}

/** True when some day of the sorted `days` lies in [from, from + horizon − 1]. */
export function hasEventWithin(
  days: readonly number[] | undefined,
  from: number,
  horizon: number,
): boolean {
  if (!days) return false;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo]! < from + horizon;
}

function validate(input: BaselineInput): { timeZone: string; days: string[]; fleet: string[] } {
  if (!Number.isInteger(input.n) || input.n < 1)
    throw new RangeError(`N must be a whole number ≥ 1 (got ${input.n})`);
  if (!Number.isInteger(input.horizonDays) || input.horizonDays < 1) {
    throw new RangeError(
      `The horizon must be a whole number of days ≥ 1 (got ${input.horizonDays})`,
    );
  }
  const timeZone = input.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const days = [...new Set(input.periods.map((p) => localDayOf(p, timeZone)))].sort();
  const fleet = [...new Set(input.entities)].sort();
  return { timeZone, days, fleet };
}

/** Counts of one simulated day: `chosen` are the entities checked that day. */
function dayResult(
  day: string,
  chosen: readonly string[],
  fleet: readonly string[],
  eventDays: Map<string, number[]>,
  horizon: number,
): PeriodResult {
  const from = dayNumber(day);
  let events = 0;
  for (const entity of fleet) if (hasEventWithin(eventDays.get(entity), from, horizon)) events += 1;
  let caught = 0;
  for (const entity of chosen)
    if (hasEventWithin(eventDays.get(entity), from, horizon)) caught += 1;
  return periodResult(day, chosen.length, caught, events);
}

/** Today's strategy: check the N entities that have gone longest without a check. */
export function simulateLongestUnchecked(input: BaselineInput): EvaluationResult {
  const { timeZone, days, fleet } = validate(input);
  const eventDays = eventDaysByEntity(input.events, timeZone);
  const history = (input.checks ?? [])
    .map((c) => ({ entity: c.entity, day: localDayOf(c.time, timeZone) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const lastCheck = new Map<string, string>();
  let next = 0;
  const periods: PeriodResult[] = [];
  for (const day of days) {
    for (; next < history.length && history[next]!.day < day; next++) {
      const { entity, day: checked } = history[next]!;
      const before = lastCheck.get(entity);
      if (before === undefined || before < checked) lastCheck.set(entity, checked);
    }
    // Never checked ('' sorts first), then the oldest check, then the entity name.
    const ranked = [...fleet].sort((a, b) => {
      const ca = lastCheck.get(a) ?? '';
      const cb = lastCheck.get(b) ?? '';
      if (ca !== cb) return ca < cb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const chosen = ranked.slice(0, input.n);
    for (const entity of chosen) lastCheck.set(entity, day);
    periods.push(dayResult(day, chosen, fleet, eventDays, input.horizonDays));
  }
  return summarize(periods, {
    n: input.n,
    periodKind: 'day',
    timeZone,
    tieRule: LONGEST_UNCHECKED_RULE,
    value: input.value,
  });
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Spread {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
}

export interface RandomBaselineResult extends EvaluationResult {
  seed: number;
  seeds: number;
  /** The spread of the hit rate (mean events caught per day) over the seeds. */
  spread: Spread;
}

/** Quantile q of sorted values, linear between closest ranks (R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Random checks, seeded; the mean result over `seeds` runs and the spread of its hit rate. */
export function simulateRandom(
  input: BaselineInput & { seed: number; seeds?: number },
): RandomBaselineResult {
  const { timeZone, days, fleet } = validate(input);
  const seeds = input.seeds ?? 100;
  if (!Number.isInteger(seeds) || seeds < 1)
    throw new RangeError(`seeds must be a whole number ≥ 1 (got ${seeds})`);
  const eventDays = eventDaysByEntity(input.events, timeZone);
  const take = Math.min(input.n, fleet.length);
  const caughtSums = new Array<number>(days.length).fill(0);
  const hitRates: number[] = [];
  let base: PeriodResult[] = [];
  for (let s = 0; s < seeds; s++) {
    const random = mulberry32(input.seed + s);
    const pool = [...fleet];
    const periods = days.map((day, i) => {
      for (let k = 0; k < take; k++) {
        const j = k + Math.floor(random() * (pool.length - k));
        [pool[k], pool[j]] = [pool[j]!, pool[k]!];
      }
      const result = dayResult(day, pool.slice(0, take), fleet, eventDays, input.horizonDays);
      caughtSums[i]! += result.eventsCaught;
      return result;
    });
    if (s === 0) base = periods;
    const caught = periods.reduce((sum, p) => sum + p.eventsCaught, 0);
    hitRates.push(periods.length === 0 ? 0 : caught / periods.length);
  }
  const periods = base.map((p, i) =>
    periodResult(p.period, p.interventions, caughtSums[i]! / seeds, p.events),
  );
  const mean = summarize(periods, {
    n: input.n,
    periodKind: 'day',
    timeZone,
    tieRule: RANDOM_RULE,
    value: input.value,
  });
  hitRates.sort((a, b) => a - b);
  return {
    ...mean,
    seed: input.seed,
    seeds,
    spread: {
      min: hitRates[0] ?? 0,
      p10: quantile(hitRates, 0.1),
      median: quantile(hitRates, 0.5),
      p90: quantile(hitRates, 0.9),
      max: hitRates[hitRates.length - 1] ?? 0,
    },
  };
}
