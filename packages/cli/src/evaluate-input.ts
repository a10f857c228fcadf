import {
  isCalendarDate,
  localDayOf,
  type EntityTime,
  type EvaluationValueModel,
  type TopNEvaluator,
} from '@sextant/core/evaluation';
import { CliError } from './cli-error.js';
import { readCsvBlocks } from './csv-bytes.js';
import { forEachCsvRow } from './csv-lines.js';
import {
  ENTITY,
  LABEL,
  PERIOD,
  PredictionsScanner,
  SCORE,
  type EventLabels,
  type PredictionsScannerOptions,
} from './predictions-scanner.js';
import type { SeenCells } from './seen-cells.js';

export const PREDICTION_COLUMNS = ['period', 'entity', 'score', 'label'] as const;
export type PredictionColumn = (typeof PREDICTION_COLUMNS)[number];

/** `--columns period=date,entity=machineID,…`: the file's names for our columns. */
export function parseColumns(text: string | undefined): Record<PredictionColumn, string> {
  const names: Record<PredictionColumn, string> = {
    period: 'period',
    entity: 'entity',
    score: 'score',
    label: 'label',
  };
  if (!text) return names;
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    const name = pair.slice(at + 1).trim();
    if (at < 0 || !name || !(PREDICTION_COLUMNS as readonly string[]).includes(key)) {
      throw new CliError(
        `--columns "${pair}": expected column=name with column one of ${PREDICTION_COLUMNS.join(', ')}`,
      );
    }
    names[key as PredictionColumn] = name;
  }
  return names;
}

/** `--horizon 1d` / `2w` / `48h` (whole days): the number of days. */
export function parseHorizonDays(text: string): number {
  const match = /^([1-9]\d{0,4})(h|d|w)$/.exec(text.trim());
  const amount = match ? Number(match[1]) : NaN;
  const days = match?.[2] === 'w' ? amount * 7 : match?.[2] === 'h' ? amount / 24 : amount;
  if (!Number.isInteger(days)) {
    throw new CliError(`--horizon must be whole days such as 1d, 7d, 2w or 48h, got "${text}"`);
  }
  return days;
}

/** A finite number written plainly, or null. */
function parseFiniteNumber(text: string): number | null {
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  // Number('') and Number('  ') are 0: an empty field is not a number.
  return value === 0 && text.trim() === '' ? null : value;
}

/** `--cost-missed` and `--cost-intervention` go together. */
export function parseValueModel(opts: {
  costMissed?: string;
  costIntervention?: string;
  currency?: string;
}): EvaluationValueModel | undefined {
  if (opts.costMissed === undefined && opts.costIntervention === undefined) return undefined;
  if (opts.costMissed === undefined || opts.costIntervention === undefined) {
    throw new CliError('--cost-missed and --cost-intervention go together: pass both');
  }
  const costMissed = parseFiniteNumber(opts.costMissed);
  const costIntervention = parseFiniteNumber(opts.costIntervention);
  if (costMissed === null || costMissed < 0) {
    throw new CliError(`--cost-missed must be a number ≥ 0, got "${opts.costMissed}"`);
  }
  if (costIntervention === null || costIntervention < 0) {
    throw new CliError(`--cost-intervention must be a number ≥ 0, got "${opts.costIntervention}"`);
  }
  if (opts.currency !== undefined && !/^[A-Z]{3}$/.test(opts.currency)) {
    throw new CliError(`--currency must be an ISO 4217 code such as EUR, got "${opts.currency}"`);
  }
  return { costMissed, costIntervention, ...(opts.currency ? { currency: opts.currency } : {}) };
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Index of each wanted column in the header, or the one-line error naming what is missing. */
function locate<K extends string>(
  file: string,
  header: string[],
  wanted: Record<K, string | string[]>,
): Record<K, number> {
  const trimmed = header.map((h, i) => (i === 0 ? stripBom(h) : h).trim());
  const found = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const names = ([] as string[]).concat(wanted[key]);
    const index = trimmed.findIndex((h) => names.includes(h));
    if (index < 0) missing.push(names.join(' or '));
    else found[key] = index;
  }
  if (missing.length > 0) {
    throw new CliError(
      `${file} line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${trimmed.join(', ')})`,
    );
  }
  return found;
}

/**
 * An events or checks file: columns `entity` (or the predictions' entity name) and `time`
 * (or `datetime`, `date`, `period`), a day or an instant.
 */
export async function readEntityTimes(
  file: string,
  entityName: string,
  timeZone: string,
): Promise<EntityTime[]> {
  const rows: EntityTime[] = [];
  let at: { entity: number; time: number } | undefined;
  await forEachCsvRow(file, (fields, line) => {
    if (!at) {
      at = locate(file, [...fields], {
        entity: [...new Set([entityName, 'entity'])],
        time: ['time', 'datetime', 'date', 'period'],
      });
      return;
    }
    const entity = fields[at.entity]?.trim() ?? '';
    const time = fields[at.time]?.trim() ?? '';
    if (!entity) throw new CliError(`${file} line ${line}: empty entity`);
    try {
      if (!isCalendarDate(localDayOf(time, timeZone))) throw new RangeError(time);
    } catch {
      throw new CliError(`${file} line ${line}: time "${time}" is neither a day nor an instant`);
    }
    rows.push({ entity, time });
  });
  if (!at) throw new CliError(`${file} is empty: expected a header line`);
  return rows;
}

export interface PredictionsScan {
  rows: number;
  /** Lines read (blank ones included; with a range, counted from its start). */
  lines: number;
  /** Distinct days of the file, in the order first seen (for the baseline). */
  days: string[];
  /** Distinct entities of the file, in the order first seen: the fleet, for the baseline. */
  entities: string[];
  /** The (entity, day) cells that have a row, entities numbered as in `entities`. */
  seen: SeenCells;
}

/** How the predictions are read: the same for the whole file and for each part of it. */
export interface ScanOptions {
  columns: Record<PredictionColumn, string>;
  timeZone: string;
  labels?: EventLabels;
}

/** The scanner of a predictions file, its columns located from the header. */
export function predictionsScanner(
  file: string,
  evaluator: TopNEvaluator,
  options: ScanOptions,
  probe?: PredictionsScannerOptions['probe'],
): PredictionsScanner {
  const { columns, labels } = options;
  const kindsOf = (header: string[]): number[] => {
    const wanted = { period: columns.period, entity: columns.entity, score: columns.score };
    const at = labels
      ? locate(file, header, wanted)
      : locate(file, header, { ...wanted, label: columns.label });
    const kinds: number[] = header.map(() => -1);
    kinds[at.period] = PERIOD;
    kinds[at.entity] = ENTITY;
    kinds[at.score] = SCORE;
    if ('label' in at) kinds[at.label as number] = LABEL;
    return kinds;
  };
  return new PredictionsScanner(evaluator, {
    file,
    names: columns,
    timeZone: options.timeZone,
    ...(labels ? { labels } : {}),
    kindsOf,
    ...(probe ? { probe } : {}),
  });
}

/**
 * Streams the predictions into the evaluator, in whatever order the rows come. An entity has
 * at most one row per day; a second one, a missing column or a bad number stops with the
 * file's line number (a second row as a DuplicateRowError, whose earlier line
 * `withEarlierLine` finds). With `labels` the label is computed from the events (1 when one
 * falls on the day or within the horizon after it) and the file's label column is not
 * needed. The bytes are parsed by PredictionsScanner.
 */
export function scanPredictions(
  file: string,
  evaluator: TopNEvaluator,
  options: ScanOptions & {
    onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
    /** Only the rows of this part of the file (see readCsvBlocks). */
    range?: { start: number; end: number };
  },
): PredictionsScan {
  const scanner = predictionsScanner(file, evaluator, options);
  const onProgress = options.onProgress;
  const { header } = readCsvBlocks(file, scanner, {
    ...(onProgress ? { onProgress: (read, total) => onProgress(read, total, scanner.rows) } : {}),
    ...(options.range ? { range: options.range } : {}),
  });
  if (!header) throw new CliError(`${file} is empty: expected a header line`);
  scanner.finish();
  return {
    rows: scanner.rows,
    lines: scanner.lines,
    days: scanner.days,
    entities: scanner.entities.names,
    seen: scanner.seen,
  };
}
