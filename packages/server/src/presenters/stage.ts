import type { StageChange } from '@sextant/core';
import type { StageChangeRecord } from '@sextant/db';

export const presentStageChange = (s: StageChangeRecord): StageChange => ({
  id: s.id,
  projectId: s.projectId,
  fromStage: s.fromStage,
  toStage: s.toStage,
  note: s.note,
  changedBy: s.changedBy,
  changedAt: s.changedAt,
});
