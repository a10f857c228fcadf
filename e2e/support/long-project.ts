import { dayFromNow, type Api } from './api.js';
import { addStory, planSprint } from './sprints.js';
import { unique } from './fixtures.js';

/** Best CI value per sprint: a climb that crosses its own baseline steps and ends near 2. */
export const CLIMB = [0.9, 1.1, 1.05, 1.4, 1.3, 1.6, 1.75, 1.7, 1.85, 1.95, 1.9, 2.05];

export interface LongProject {
  projectId: string;
  /** The twelve sprints, closed, in order. */
  sprintIds: string[];
}

/**
 * A predictive-maintenance project at its twelfth demo, made through the API: hit rate@10
 * with a value model, threshold 2, today's planners catch 0.85 a day; twelve one-week sprints,
 * each with one CI run (`CLIMB`) and closed; the twelfth has six stories (four delivered, two
 * carried over into a thirteenth), a decision, and five open backlog items.
 */
export async function seedTwelveSprints(api: Api, serverUrl: string): Promise<LongProject> {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Maintenance Analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Press line failures'),
    scope: {
      why: 'Unplanned stops of press line 3 cost a shift each.',
      sponsor: 'Plant manager',
      users: [{ name: 'Jonas Lind', role: 'Maintenance planner' }],
      currentProcess: 'Planners inspect the presses with the most alarms yesterday.',
      currentMetric: { name: 'Failures caught a day by the planners', value: 0.85 },
      productization: 'hands_off',
      pocConstraints: ['time', 'resources'],
    },
  });
  const projectId = project.id;
  await api.put(`/projects/${projectId}/success-criterion`, {
    metric: { kind: 'hit_rate_at_n', n: 10 },
    threshold: 2,
    evaluation: { trainWindow: 'expanding', testWindow: '1d', step: '1d' },
    valueModel: { costMissed: 25_000, costIntervention: 800, currency: 'EUR' },
  });
  const ci = await api.post<{ token: string }>(`/projects/${projectId}/ci-tokens`, { name: 'ci' });
  const postRun = async (value: number, day: number, job: string) => {
    const response = await fetch(`${serverUrl}/api/v1/projects/${projectId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ci.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metrics: { hit_rate_at_10: value },
        commit: `c0ffee${job}`,
        finishedAt: `${dayFromNow(day)}T10:00:00Z`,
        ci: { provider: 'github-actions', jobId: job, jobUrl: 'https://ci.example.test/1' },
      }),
    });
    if (response.status !== 201) throw new Error(`run not stored: ${response.status}`);
  };

  // Open backlog items before the twelfth closes: its record lists the five.
  for (const n of [1, 2, 3, 4, 5]) {
    await api.post(`/projects/${projectId}/backlog`, {
      observation: `Misses cluster on presses with sensor gaps (case ${n})`,
      proposedChange: `Backlog change number ${n}: impute sensor gaps by press`,
      effort: { size: 'S' },
      expectedImpact: '+0.1 hit rate@10',
    });
  }
  const first = -7 * CLIMB.length;
  const sprintIds: string[] = [];
  for (const k of CLIMB.keys()) {
    const sprint = await planSprint(api, projectId, first + 7 * k, first + 7 * k + 6);
    sprintIds.push(sprint.id);
  }
  // The thirteenth, planned: the twelfth carries two stories into it.
  await planSprint(api, projectId, 0, 6, 'Planners’ dashboard in use');
  for (const [k, value] of CLIMB.entries()) {
    const id = sprintIds[k]!;
    await api.post(`/sprints/${id}/start`);
    await postRun(value, first + 7 * k + 3, `job-${k + 1}`);
    if (k === CLIMB.length - 1) {
      const stories = [];
      for (const [i, title] of [
        'Nightly scoring job in CI',
        'Vibration features over 4 weeks',
        'Cost model reviewed with finance',
        'Planners’ list as a PDF at 6 am',
        'Alarm history backfill to 2019',
        'Drift report per press',
      ].entries()) {
        stories.push(await addStory(api, id, { title, type: 'pipeline', done: i < 4 }));
      }
      await api.post(`/sprints/${id}/decision`, {
        decision: 'continue',
        rationale:
          'Two sprints from the threshold at the current pace; the planners want the list.',
      });
      await api.post(`/sprints/${id}/close`, { carryOver: stories.slice(4).map((s) => s.id) });
    } else {
      await api.post(`/sprints/${id}/close`, { carryOver: [] });
    }
  }
  return { projectId, sprintIds };
}
