/**
 * A thread reading one part of a predictions file for `sextant evaluate` (see
 * evaluate-parts.ts): it scans its byte range into its own evaluator and answers the scan
 * and the evaluator's state, or the first error of its part with line numbers counted from
 * the part's start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TopNEvaluator } from '@sextant/core/evaluation';
import { CliError, LineError } from './cli-error.js';
import { scanPredictions } from './evaluate-input.js';
import type { PartAnswer, PartInput } from './evaluate-parts.js';

const input = workerData as PartInput;
const progress = new Float64Array(input.progress);
const evaluator = new TopNEvaluator(input.evaluator);
let answer: PartAnswer;
try {
  const scan = scanPredictions(input.file, evaluator, {
    ...input.scan,
    range: input.range,
    onProgress: (read) => (progress[0] = read - input.range.start),
  });
  answer = { kind: 'done', scan, partial: evaluator.partial() };
} catch (error) {
  if (error instanceof LineError) {
    answer = {
      kind: 'line-error',
      line: error.line,
      problem: error.problem,
      ...(error.earlierLine === undefined ? {} : { earlierLine: error.earlierLine }),
    };
  } else if (error instanceof CliError) {
    answer = { kind: 'error', message: error.message };
  } else {
    throw error;
  }
}
parentPort!.postMessage(answer);
