import { closedOnDay, sprintLengthDays, type CloseSprintResult, type Sprint } from '@sextant/core';
import type { SprintRecord, StoryRecord } from '@sextant/db';
import { presentStory } from './stories.js';

export const presentSprint = (s: SprintRecord): Sprint => ({
  id: s.id,
  projectId: s.projectId,
  number: s.number,
  name: s.name,
  goal: s.goal,
  startDate: s.startDate,
  endDate: s.endDate,
  lengthDays: sprintLengthDays(s.startDate, s.endDate),
  state: s.state,
  startedAt: s.startedAt,
  closedAt: s.closedAt,
  closedOn: closedOnDay(s),
  storyCounts: s.storyCounts,
  external: s.external,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** What a sprint's close did: the sprint closed, its stories' tally, the carried-over copies. */
export const presentCloseOutcome = (o: {
  sprint: SprintRecord;
  delivered: number;
  notDelivered: number;
  carriedOver: StoryRecord[];
  nextSprint: SprintRecord | null;
}): CloseSprintResult => ({
  sprint: presentSprint(o.sprint),
  delivered: o.delivered,
  notDelivered: o.notDelivered,
  carriedOver: o.carriedOver.map(presentStory),
  nextSprint: o.nextSprint ? presentSprint(o.nextSprint) : null,
});
