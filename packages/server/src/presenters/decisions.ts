import type { SprintDecision } from '@sextant/core';
import type { DecisionRecord } from '@sextant/db';

export const presentDecision = (d: DecisionRecord): SprintDecision => ({
  id: d.id,
  sprintId: d.sprintId,
  decision: d.decision,
  rationale: d.rationale,
  decidedBy: d.decidedBy,
  decidedAt: d.createdAt,
  stageChange: d.stageFrom && d.stageTo ? { from: d.stageFrom, to: d.stageTo } : null,
  recordTakenAt: d.recordTakenAt,
});
