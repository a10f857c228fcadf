import type { OperatorListRow, RankedPrediction } from '@sextant/core';
import type { OperatorDecisionRow, OutcomeRow } from '@sextant/db';

/** One row of the operator's list: a ranked prediction, its stored decision and outcome. */
export function presentOperatorRow(
  prediction: RankedPrediction,
  decision: OperatorDecisionRow | undefined,
  outcome: OutcomeRow | undefined,
): OperatorListRow {
  return {
    entity: prediction.entity,
    score: prediction.score,
    modelVersion: prediction.modelVersion,
    rank: prediction.rank,
    decision: decision
      ? { acted: decision.acted, reason: decision.reason, decidedBy: decision.decidedBy }
      : null,
    outcome: outcome ? { time: new Date(outcome.time).toISOString(), event: outcome.event } : null,
  };
}
