/**
 * A thread reading one part of a predictions file for `sextant evaluate` (see
 * evaluate-parts.ts): it scans its byte range into its own evaluator and answers the scan
 * (its (entity, day) cells handed over, not copied) and the evaluator's state, or the first
 * error of its part with line numbers counted from the part's start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TopNEvaluator } from '@sextant/core/evaluation';
import { CliError, DuplicateRowError, LineError } from './cli-error.js';
import { scanPredictions } from './evaluate-input.js';
import type { PartAnswer, PartInput } from './evaluate-parts.js';
import { SeenCells } from './seen-cells.js';

const input = workerData as PartInput;
const progress = new Float64Array(input.progress);
const evaluator = new TopNEvaluator(input.evaluator);
let answer: PartAnswer;
let transfer: ArrayBuffer[] = [];
try {
  const scan = scanPredictions(input.file, evaluator, {
    ...input.scan,
    range: input.range,
    onProgress: (read) => (progress[0] = read - input.range.start),
  });
  const seen = scan.seen.toData();
  transfer = SeenCells.buffers(seen);
  answer = { kind: 'done', scan: { ...scan, seen }, partial: evaluator.partial() };
} catch (error) {
  if (error instanceof LineError) {
    answer = {
      kind: 'line-error',
      line: error.line,
      problem: error.problem,
      ...(error instanceof DuplicateRowError
        ? { duplicate: { entity: error.entity, day: error.day } }
        : {}),
    };
  } else if (error instanceof CliError) {
    answer = { kind: 'error', message: error.message };
  } else {
    throw error;
  }
}
parentPort!.postMessage(answer, transfer);
