import { canonicalEvaluationStrategy, type EvaluationStrategy } from '@sextant/core';
import { sha256Hex } from './secrets.js';

/** First 16 hex characters of SHA-256 over the strategy's canonical text. */
export function evaluationFingerprint(strategy: EvaluationStrategy): string {
  return sha256Hex(canonicalEvaluationStrategy(strategy)).slice(0, 16);
}
