import { effortDays, type BacklogItem } from '@sextant/core';
import type { BacklogItemRecord } from '@sextant/db';

export const presentBacklogItem = (item: BacklogItemRecord): BacklogItem => ({
  id: item.id,
  projectId: item.projectId,
  observation: item.observation,
  proposedChange: item.proposedChange,
  effort: item.effort,
  effortDays: effortDays(item.effort),
  expectedImpact: item.expectedImpact,
  status: item.status,
  runId: item.runId,
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  statusChangedAt: item.statusChangedAt,
});
