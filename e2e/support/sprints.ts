import { dayFromNow, type Api } from './api.js';

interface SprintRef {
  id: string;
  name: string;
}

interface StoryRef {
  id: string;
  title: string;
  status: string;
}

export interface StorySeed {
  title: string;
  type?: 'dataset' | 'report' | 'model' | 'business_report' | 'pipeline' | 'other';
  what?: string;
  assigneeId?: string | null;
  points?: number | null;
  done?: boolean;
}

export function addStory(api: Api, sprintId: string, story: StorySeed): Promise<StoryRef> {
  return api.post<StoryRef>(`/sprints/${sprintId}/stories`, {
    title: story.title,
    deliverable: {
      type: story.type ?? 'dataset',
      description: story.what ?? `What “${story.title}” hands over`,
    },
    assigneeId: story.assigneeId ?? null,
    points: story.points ?? null,
    status: story.done ? 'done' : 'todo',
  });
}

export function planSprint(
  api: Api,
  projectId: string,
  fromDay: number,
  toDay: number,
  goal = '',
): Promise<SprintRef> {
  return api.post<SprintRef>(`/projects/${projectId}/sprints`, {
    goal,
    startDate: dayFromNow(fromDay),
    endDate: dayFromNow(toDay),
  });
}

/**
 * A project's delivery history, through the API: three closed sprints (75 %, 40 %, 25 %
 * delivered, so the last two raise the low-delivery warning), an active sprint with stories
 * in every column, and a planned one. Each close carries one story into the next sprint.
 */
export async function seedDeliveryHistory(
  api: Api,
  projectId: string,
  people: [string, string],
): Promise<{ closed: SprintRef[]; active: SprintRef; planned: SprintRef }> {
  const [a, b] = people;
  const sprints = [
    await planSprint(api, projectId, -49, -36, 'Data in hand: sensor history and failure labels'),
    await planSprint(api, projectId, -35, -22, 'A baseline model under a fixed evaluation'),
    await planSprint(api, projectId, -21, -8, 'Cost model and error analysis'),
    await planSprint(api, projectId, -7, 6, 'Nightly scoring in CI and the planners’ dashboard'),
    await planSprint(api, projectId, 7, 20),
  ] as const;
  const plan: StorySeed[][] = [
    [
      { title: 'Collect sensor history', assigneeId: a, points: 3, done: true },
      { title: 'Label past failures', assigneeId: b, points: 5, done: true, type: 'dataset' },
      { title: 'Exploratory analysis of vibration', assigneeId: a, points: 3, done: true },
      { title: 'Agree on hit rate@N', assigneeId: b, points: 2, type: 'business_report' },
    ],
    [
      {
        title: 'Rolling vibration features',
        assigneeId: a,
        points: 8,
        done: true,
        type: 'pipeline',
      },
      { title: 'Baseline gradient boosting', assigneeId: b, points: 5, done: true, type: 'model' },
      { title: 'Time-based evaluation', assigneeId: b, points: 3, type: 'model' },
      { title: 'Data quality report', assigneeId: a, points: 2, type: 'report' },
    ],
    [
      { title: 'Cost model for missed failures', assigneeId: a, points: 3, done: true },
      { title: 'Error analysis of the largest misses', assigneeId: b, points: 3, type: 'report' },
      { title: 'Hyperparameter search', assigneeId: b, points: 5, type: 'model' },
    ],
  ];
  for (const [index, stories] of plan.entries()) {
    const sprint = sprints[index]!;
    const created: StoryRef[] = [];
    for (const story of stories) created.push(await addStory(api, sprint.id, story));
    await api.post(`/sprints/${sprint.id}/start`);
    const notDone = created.filter((s) => s.status !== 'done');
    await api.post(`/sprints/${sprint.id}/close`, {
      carryOver: notDone.slice(0, 1).map((s) => s.id),
    });
  }
  const active = sprints[3];
  await addStory(api, active.id, {
    title: 'Score the pumps in CI every night',
    assigneeId: a,
    points: 5,
    done: true,
    type: 'pipeline',
    what: 'A scheduled CI job that posts each night’s scores with the CI token',
  });
  await addStory(api, active.id, {
    title: 'Dashboard of tomorrow’s riskiest pumps',
    assigneeId: b,
    points: 5,
    type: 'report',
    what: 'One screen per planner: risk score, rank, and the three features behind it',
  });
  await api.post(`/sprints/${active.id}/start`);
  const late = await addStory(api, active.id, {
    title: 'Sprint demo report for the plant manager',
    assigneeId: null,
    type: 'business_report',
    what: 'A two-page report of hit rate@5 against the planners’ current list',
  });
  await api.call('PATCH', `/stories/${late.id}`, { status: 'in_progress' });
  return { closed: [...sprints.slice(0, 3)], active, planned: sprints[4] };
}
