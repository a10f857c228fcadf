import type { Goal, GoalMeasurement } from '@sextant/core';
import type { GoalMeasurementRecord, GoalRecord } from '@sextant/db';

export const presentGoal = (g: GoalRecord): Goal => ({
  id: g.id,
  projectId: g.projectId,
  statement: g.statement,
  metric: g.metric,
  direction: g.direction,
  baseline: g.baseline,
  target: g.target,
  targetChangePct: g.targetChangePct,
  deadline: g.deadline,
  unit: g.unit,
  createdAt: g.createdAt,
  updatedAt: g.updatedAt,
});

export const presentMeasurement = (m: GoalMeasurementRecord): GoalMeasurement => ({
  id: m.id,
  goalId: m.goalId,
  value: m.value,
  measuredAt: m.measuredAt,
  source: m.source,
  note: m.note,
  provenance: m.provenance,
  postedBy: m.postedBy,
  createdAt: m.createdAt,
});
