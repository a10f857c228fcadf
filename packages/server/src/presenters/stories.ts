import type { Story } from '@sextant/core';
import type { StoryRecord } from '@sextant/db';

export const presentStory = (s: StoryRecord): Story => ({
  id: s.id,
  projectId: s.projectId,
  sprintId: s.sprintId,
  title: s.title,
  deliverable: s.deliverable,
  assignee: s.assignee,
  status: s.status,
  points: s.points,
  position: s.position,
  addedAfterStart: s.addedAfterStart,
  outcome: s.outcome,
  carriedFromId: s.carriedFromId,
  carriedToId: s.carriedToId,
  correction: s.correction,
  external: s.external,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
