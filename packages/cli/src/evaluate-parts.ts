import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TopNEvaluator, TopNOptions, TopNPartial } from '@sextant/core/evaluation';
import { CliError, DuplicateRowError, LineError } from './cli-error.js';
import { scanPredictions, type PredictionsScan, type ScanOptions } from './evaluate-input.js';
import { findRow, withEarlierLine } from './evaluate-rows.js';
import { duplicateProblem } from './predictions-scanner.js';
import { SeenCells, type SeenCellsData } from './seen-cells.js';

/** Below this size a file is read by one thread: starting a worker costs more than it saves. */
export const PARTS_MIN_BYTES = 16 * 1024 * 1024;

/** The share of the file the first part takes on top of its even share. */
const FIRST_PART_EXTRA = 0.1;

/** A part's scan as a worker hands it over: the cells as plain data. */
export type PartScan = Omit<PredictionsScan, 'seen'> & { seen: SeenCellsData };

/** What a worker reading one part answers (see evaluate-worker.ts). */
export type PartAnswer =
  | { kind: 'done'; scan: PartScan; partial: TopNPartial }
  | {
      kind: 'line-error';
      line: number;
      problem: string;
      /** For a duplicate row: its entity and day. */
      duplicate?: { entity: string; day: string };
    }
  | { kind: 'error'; message: string };

/** What a worker is given. */
export interface PartInput {
  file: string;
  range: { start: number; end: number };
  evaluator: TopNOptions;
  scan: ScanOptions;
  /** A Float64Array of one cell on shared memory: the worker writes its bytes read there. */
  progress: SharedArrayBuffer;
}

/** `--threads auto`: two or more parts for a large file when the machine has the cores. */
let workersAvailable = true;

/** The one-file client has no evaluate-worker.js beside it: every file is read by one thread. */
export function readWithoutWorkers(): void {
  workersAvailable = false;
}

export function threadsFor(file: string, asked: number | 'auto'): number {
  if (!workersAvailable) return 1;
  if (asked !== 'auto') return asked;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 1; // the reader reports the file's problem
  }
  if (size < PARTS_MIN_BYTES) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Where each part begins: byte 0, then the first line start at or after k/parts of the file
 * that is past the header line. Fewer parts when the file is too small to cut there.
 */
export function partStarts(file: string, parts: number): number[] {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const probe = Buffer.allocUnsafe(1 << 16);
    const headerEnd = nextLineStart(fd, probe, 0, size);
    if (headerEnd === undefined) return [0];
    const starts = [0];
    for (let k = 1; k < parts; k++) {
      // This thread starts at once, a worker some 40 ms later (its modules load first):
      // this thread's part is a little larger.
      const share = FIRST_PART_EXTRA + ((1 - FIRST_PART_EXTRA) * k) / parts;
      const from = Math.max(headerEnd, Math.floor(size * share) - 1, starts.at(-1)! + 1);
      const start = nextLineStart(fd, probe, from, size);
      if (start === undefined || start >= size) break;
      if (start > starts.at(-1)!) starts.push(start);
    }
    return starts;
  } finally {
    closeSync(fd);
  }
}

/** The byte after the first newline at or after `from`, or undefined. */
function nextLineStart(fd: number, probe: Buffer, from: number, size: number): number | undefined {
  for (let at = from; at < size;) {
    const count = readSync(fd, probe, 0, probe.length, at);
    if (count === 0) return undefined;
    const newline = probe.subarray(0, count).indexOf(10);
    if (newline >= 0) return at + newline + 1;
    at += count;
  }
  return undefined;
}

/**
 * Reads the predictions in `threads` parts at once: this thread the first, a worker each of
 * the others (each with its own evaluator), then joins them as if the file had been read
 * whole. The rows may come in any order, so the parts' states simply merge: the evaluators'
 * periods are absorbed, and each part's (entity, day) cells are checked against those of the
 * parts before it (an entity twice in a day across two parts). The first error in file order
 * wins, with the file's line numbers; finding the lines of a duplicate reads the file again.
 */
export async function scanPredictionsInParts(
  file: string,
  evaluator: TopNEvaluator,
  evaluatorOptions: TopNOptions,
  options: ScanOptions & {
    threads: number;
    onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
  },
): Promise<PredictionsScan> {
  const { threads, onProgress, ...scanOptions } = options;
  const starts = threads > 1 ? partStarts(file, threads) : [0];
  if (starts.length === 1) {
    try {
      return scanPredictions(file, evaluator, {
        ...scanOptions,
        ...(onProgress ? { onProgress } : {}),
      });
    } catch (error) {
      throw error instanceof LineError ? withEarlierLine(file, scanOptions, error) : error;
    }
  }
  const size = statSync(file).size;
  const ends = [...starts.slice(1), size];
  const progress = starts.slice(1).map(() => new SharedArrayBuffer(8));
  const workers = starts.slice(1).map((start, k) => {
    const input: PartInput = {
      file,
      range: { start, end: ends[k + 1]! },
      evaluator: evaluatorOptions,
      scan: scanOptions,
      progress: progress[k]!,
    };
    return runPart(input);
  });
  const othersRead = (): number =>
    progress.reduce((sum, shared) => sum + new Float64Array(shared)[0]!, 0);

  let first: PredictionsScan;
  try {
    first = scanPredictions(file, evaluator, {
      ...scanOptions,
      range: { start: 0, end: ends[0]! },
      ...(onProgress
        ? { onProgress: (read, _total, rows) => onProgress(read + othersRead(), size, rows) }
        : {}),
    });
  } catch (error) {
    // The first part's mistake comes first in the file: the other parts are not needed.
    for (const worker of workers) worker.answer.catch(() => undefined);
    await Promise.allSettled(workers.map((w) => w.stop()));
    throw error instanceof LineError ? withEarlierLine(file, scanOptions, error) : error;
  }
  const answers = await Promise.all(workers.map((w) => w.answer));
  const ranges = answers.map((_, k) => ({ start: starts[k + 1]!, end: ends[k + 1]! }));
  return joinParts(file, scanOptions, evaluator, first, answers, ranges);
}

/** One worker reading one part; `stop` ends it early. */
function runPart(input: PartInput): { answer: Promise<PartAnswer>; stop: () => Promise<number> } {
  const worker = new Worker(new URL('./evaluate-worker.js', import.meta.url), {
    workerData: input,
  });
  const answer = new Promise<PartAnswer>((resolve, reject) => {
    worker.once('message', (message: PartAnswer) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`a reading thread stopped (exit code ${code})`)),
    );
  });
  return { answer, stop: () => worker.terminate() };
}

/**
 * Joins the first part's scan and the workers' answers, in file order. The join's state is
 * the first part's: its cells, and its entity ids (names of later parts are numbered on).
 */
function joinParts(
  file: string,
  options: ScanOptions,
  evaluator: TopNEvaluator,
  first: PredictionsScan,
  answers: PartAnswer[],
  ranges: Array<{ start: number; end: number }>,
): PredictionsScan {
  let offset = first.lines;
  let rows = first.rows;
  const days = new Set(first.days);
  const entities = [...first.entities];
  const ids = new Map(entities.map((name, id) => [name, id]));
  const seen = first.seen;
  const entityColumn = options.columns.entity;

  /** The first row of part k whose (entity, day) an earlier part has, before `before`. */
  const seenBefore = (k: number, before?: number): DuplicateRowError | undefined => {
    const found = findRow(
      file,
      options,
      (entity, _day, dayNumber) => {
        const id = ids.get(entity);
        return id !== undefined && seen.has(id, dayNumber);
      },
      { range: ranges[k]!, ...(before === undefined ? {} : { before }) },
    );
    return found
      ? new DuplicateRowError(
          file,
          offset + found.line,
          duplicateProblem(entityColumn, found.entity, found.day),
          found.entity,
          found.day,
        )
      : undefined;
  };

  for (const [k, answer] of answers.entries()) {
    if (answer.kind === 'error') throw new CliError(answer.message);
    if (answer.kind === 'line-error') {
      // The part's first mistake, unless one of its earlier rows repeats an earlier part's.
      const own = answer.duplicate
        ? new DuplicateRowError(
            file,
            answer.line,
            answer.problem,
            answer.duplicate.entity,
            answer.duplicate.day,
          ).shifted(offset)
        : new LineError(file, answer.line, answer.problem).shifted(offset);
      throw withEarlierLine(file, options, seenBefore(k, answer.line) ?? own);
    }
    const part = answer.scan;
    const cells = SeenCells.fromData(part.seen);
    const idMap = Int32Array.from(part.entities, (name) => ids.get(name) ?? -1);
    if (seen.overlaps(cells, idMap)) {
      const repeated = seenBefore(k);
      if (repeated) throw withEarlierLine(file, options, repeated);
    }
    evaluator.absorb(answer.partial);
    rows += part.rows;
    for (const day of part.days) days.add(day);
    part.entities.forEach((name, id) => {
      if (idMap[id] !== -1) return;
      idMap[id] = entities.length;
      ids.set(name, entities.length);
      entities.push(name);
    });
    // The last part's cells are needed by no later part.
    if (k < answers.length - 1) seen.absorb(cells, idMap);
    offset += part.lines;
  }
  return { rows, lines: offset, days: [...days], entities, seen };
}
