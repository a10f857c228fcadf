/**
 * Finding rows of a predictions file again, on the rare path of a duplicate row: the scan
 * that catches an entity twice in a day keeps a bit per (entity, day), not the line of every
 * row, so the lines are looked up afterwards by reading the file (or one part of it) once
 * more, with the same parsing, up to the line of the mistake.
 */
import { TopNEvaluator } from '@sextant/core/evaluation';
import { DuplicateRowError, type LineError } from './cli-error.js';
import { readCsvBlocks } from './csv-bytes.js';
import { predictionsScanner, type ScanOptions } from './evaluate-input.js';

/** A row found: its line (counted as the scan counts them) and its entity and day. */
export class FoundRow {
  constructor(
    readonly line: number,
    readonly entity: string,
    readonly day: string,
  ) {}
}

/** Thrown to end a search at its last line. */
const PAST_THE_END = Symbol('past the end');

/**
 * The first row, before line `before`, whose entity, day and day number `match` accepts; in
 * `range` of the file (lines counted from its start) or in the whole file.
 */
export function findRow(
  file: string,
  options: ScanOptions,
  match: (entity: string, day: string, dayNumber: number) => boolean,
  where: { range?: { start: number; end: number }; before?: number } = {},
): FoundRow | undefined {
  const before = where.before ?? Infinity;
  const scanner = predictionsScanner(
    file,
    new TopNEvaluator({ n: 1 }),
    options,
    (entity, day, dayNumber, line) => {
      if (line >= before) throw PAST_THE_END;
      if (match(entity, day, dayNumber)) throw new FoundRow(line, entity, day);
    },
  );
  try {
    readCsvBlocks(file, scanner, where.range ? { range: where.range } : {});
  } catch (signal) {
    if (signal instanceof FoundRow) return signal;
    if (signal !== PAST_THE_END) throw signal;
  }
  return undefined;
}

/**
 * A duplicate row's error with the line of the row it repeats: the first row of the file
 * with the same entity and day (every line before the error is known to be sound).
 */
export function withEarlierLine(file: string, options: ScanOptions, error: LineError): LineError {
  if (!(error instanceof DuplicateRowError) || error.earlierLine !== undefined) return error;
  const earlier = findRow(
    file,
    options,
    (entity, day) => entity === error.entity && day === error.day,
    {
      before: error.line,
    },
  );
  return new DuplicateRowError(
    file,
    error.line,
    error.problem,
    error.entity,
    error.day,
    earlier?.line,
  );
}
