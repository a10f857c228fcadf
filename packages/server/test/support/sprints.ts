import type { CloseSprintResult, Sprint, Story, StoryStatus } from '@sextant/core';
import type { TestClient } from './client.js';

/** A story as tests describe it: who, where it ends up, and its points. */
export interface StorySpec {
  title?: string;
  assigneeId: string | null;
  status: StoryStatus;
  points?: number | null;
}

export function deliverable(description = 'Cleaned sensor dataset with one row per machine-hour') {
  return { type: 'dataset' as const, description };
}

export async function createSprint(
  client: TestClient,
  projectId: string,
  startDate: string,
  endDate: string,
  name?: string,
): Promise<Sprint> {
  const reply = await client.post<Sprint>(`/projects/${projectId}/sprints`, {
    ...(name ? { name } : {}),
    goal: 'A better hit rate',
    startDate,
    endDate,
  });
  if (reply.status !== 201)
    throw new Error(`sprint: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function addStory(
  client: TestClient,
  sprintId: string,
  spec: StorySpec,
): Promise<Story> {
  const reply = await client.post<Story>(`/sprints/${sprintId}/stories`, {
    title: spec.title ?? 'A story',
    deliverable: deliverable(),
    assigneeId: spec.assigneeId,
    points: spec.points ?? null,
    status: spec.status,
  });
  if (reply.status !== 201) throw new Error(`story: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function startSprint(client: TestClient, sprintId: string): Promise<Sprint> {
  const reply = await client.post<Sprint>(`/sprints/${sprintId}/start`);
  if (reply.status !== 200) throw new Error(`start: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function closeSprint(
  client: TestClient,
  sprintId: string,
  carryOver: string[] = [],
  nextSprint?: { startDate: string; endDate: string },
): Promise<CloseSprintResult> {
  const reply = await client.post<CloseSprintResult>(`/sprints/${sprintId}/close`, {
    carryOver,
    ...(nextSprint ? { nextSprint } : {}),
  });
  if (reply.status !== 200) throw new Error(`close: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** `YYYY-MM-DD` plus n days. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
