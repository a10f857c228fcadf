import { expect } from 'vitest';
import type { BacklogItem } from '@sextant/core';
import type { TestEnv } from './harness.js';
import { addStory, createSprint } from './sprints.js';

/** The ids a route path's placeholders are filled with. */
export interface WorldIds {
  project: string;
  sprint: string;
  story: string;
  backlog: string;
  run: string;
  insight: string;
  goal: string;
}

/**
 * A team and its admin with one project holding one of each object a route can name (sprint,
 * story, backlog item, run, insight, goal), and `fill` to put their ids into a route's path
 * (`:project`, `:sprint`…).
 */
export async function projectWorld(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace();
  const sprint = await createSprint(admin.client, project.id, '2026-06-01', '2026-06-12');
  const story = await addStory(admin.client, sprint.id, { assigneeId: null, status: 'todo' });
  const backlog = await admin.client.post<BacklogItem>(`/projects/${project.id}/backlog`, {
    observation: 'Largest errors on restarted machines',
    proposedChange: 'Hours since restart as a feature',
    effort: { size: 'S' },
    expectedImpact: 'Fewer false alarms',
  });
  const run = await admin.client.post<{ id: string }>(`/projects/${project.id}/runs`, {
    metrics: { auc: 0.7 },
    commit: 'abc1234',
  });
  const insight = await admin.client.post<{ id: string }>(`/projects/${project.id}/insights`, {
    title: 'Visit the top 10 pumps',
    businessArea: 'operations',
  });
  const goal = await admin.client.post<{ id: string }>(`/projects/${project.id}/goals`, {
    statement: 'Halve unplanned downtime',
    metric: 'Unplanned downtime hours per month',
    direction: 'decrease',
    baseline: 120,
    target: 60,
    deadline: '2027-09-30',
    unit: 'hours',
  });
  expect(goal.status).toBe(201);
  const fill = (path: string, ids: WorldIds) =>
    path
      .replace(':project', ids.project)
      .replace(':sprint', ids.sprint)
      .replace(':story', ids.story)
      .replace(':backlog', ids.backlog)
      .replace(':run', ids.run)
      .replace(':insight', ids.insight)
      .replace(':goal', ids.goal);
  return {
    admin,
    team,
    project,
    sprint,
    story,
    fill,
    ids: {
      project: project.id,
      sprint: sprint.id,
      story: story.id,
      backlog: backlog.body.id,
      run: run.body.id,
      insight: insight.body.id,
      goal: goal.body.id,
    },
  };
}
