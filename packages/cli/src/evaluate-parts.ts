import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TopNEvaluator, TopNOptions, TopNPartial } from '@sextant/core/evaluation';
import { CliError, LineError } from './cli-error.js';
import { scanPredictions, type PredictionsScan, type ScanOptions } from './evaluate-input.js';
import { duplicateProblem, unsortedProblem } from './predictions-scanner.js';

/** Below this size a file is read by one thread: starting a worker costs more than it saves. */
export const PARTS_MIN_BYTES = 16 * 1024 * 1024;

/** The share of the file the first part takes on top of its even share. */
const FIRST_PART_EXTRA = 0.1;

/** What a worker reading one part answers (see evaluate-worker.ts). */
export type PartAnswer =
  | { kind: 'done'; scan: PredictionsScan; partial: TopNPartial }
  | { kind: 'line-error'; line: number; problem: string; earlierLine?: number }
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
export function threadsFor(file: string, asked: number | 'auto'): number {
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
 * whole: the evaluators' states are absorbed, and the checks that span two parts (a period
 * going backwards, an entity twice on the day where one part ends and the next begins) are
 * made here. The first error in file order wins, with the file's line numbers.
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
    return scanPredictions(file, evaluator, {
      ...scanOptions,
      ...(onProgress ? { onProgress } : {}),
    });
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
    throw error;
  }
  const answers = await Promise.all(workers.map((w) => w.answer));
  return joinParts(file, evaluator, scanOptions.columns.entity, first, answers);
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

/** Joins the first part's scan and the workers' answers, in file order. */
function joinParts(
  file: string,
  evaluator: TopNEvaluator,
  entityColumn: string,
  first: PredictionsScan,
  answers: PartAnswer[],
): PredictionsScan {
  let offset = first.lines;
  let rows = first.rows;
  const days = [...first.days];
  const entities = new Set(first.entities);
  // The entities of the day the file has reached, with their lines in the file.
  let carryDay = first.days.at(-1);
  let carry = new Map(first.lastDayLines);

  for (const answer of answers) {
    if (answer.kind === 'error') throw new CliError(answer.message);
    let error: LineError | undefined =
      answer.kind === 'line-error'
        ? new LineError(file, answer.line, answer.problem, answer.earlierLine).shifted(offset)
        : undefined;
    const scanned = answer.kind === 'done' ? answer.scan : undefined;
    if (scanned && scanned.rows > 0) {
      const partFirst = scanned.days[0]!;
      let spanning: LineError | undefined;
      if (carryDay !== undefined && partFirst < carryDay) {
        spanning = new LineError(
          file,
          offset + scanned.firstRowLine,
          unsortedProblem(partFirst, carryDay),
        );
      } else if (partFirst === carryDay) {
        for (const [entity, line] of scanned.firstDayLines) {
          const earlier = carry.get(entity);
          if (earlier !== undefined && (!spanning || offset + line < spanning.line)) {
            spanning = new LineError(
              file,
              offset + line,
              duplicateProblem(entityColumn, entity, partFirst),
              earlier,
            );
          }
        }
      }
      if (spanning && (!error || spanning.line < error.line)) error = spanning;
    }
    if (error) throw error;
    // A part without a line error is done.
    if (answer.kind !== 'done') continue;
    const part = answer.scan;
    evaluator.absorb(answer.partial);
    rows += part.rows;
    for (const day of part.days) if (day !== days.at(-1)) days.push(day);
    for (const entity of part.entities) entities.add(entity);
    if (part.rows > 0) {
      const shifted = [...part.lastDayLines].map(([e, line]) => [e, line + offset] as const);
      if (part.days.at(-1) === carryDay) shifted.forEach(([e, line]) => carry.set(e, line));
      else carry = new Map(shifted);
      carryDay = part.days.at(-1);
    }
    offset += part.lines;
  }
  return {
    rows,
    lines: offset,
    days,
    entities: [...entities],
    firstRowLine: first.firstRowLine,
    firstDayLines: first.firstDayLines,
    lastDayLines: carry,
  };
}
