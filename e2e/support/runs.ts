import { Api, dayFromNow } from './api.js';
import type { RunningServer } from './server.js';
import { addStory, planSprint } from './sprints.js';

export const METRIC = 'hit_rate_at_10';

/** The success criterion's evaluation strategy, and another one (a weekly test window). */
export const STRATEGY = { trainWindow: 'expanding', testWindow: '1d', step: '1d', horizon: '1d' };
export const OTHER_STRATEGY = {
  trainWindow: 'expanding',
  testWindow: '7d',
  step: '7d',
  horizon: '2d',
};

/** What a run posts, with CI metadata unless told otherwise. */
export interface RunSeed {
  value: number;
  /** Days from today the run finished (negative: in the past). */
  day: number;
  commit?: string;
  branch?: string;
  params?: Record<string, string | number | boolean | null>;
  evaluation?: typeof OTHER_STRATEGY;
  extra?: Record<string, number>;
}

export interface RunRef {
  id: string;
  provenance: 'ci' | 'manual';
  commit: string;
}

let job = 0;

export function runBody(seed: RunSeed, ci = true) {
  job += 1;
  return {
    metrics: { [METRIC]: seed.value, precision_at_10: seed.value / 10, ...seed.extra },
    params: seed.params ?? { model: 'gradient_boosting', learning_rate: 0.05 },
    commit: seed.commit ?? `${(0xa1b2c3d + job).toString(16)}e9f0c1d2b3a4f5e6d7c8b9a0f1e2d3c4`,
    branch: seed.branch ?? 'main',
    finishedAt: `${dayFromNow(seed.day)}T10:${String(job % 60).padStart(2, '0')}:00Z`,
    ...(seed.evaluation ? { evaluation: seed.evaluation } : {}),
    ...(ci
      ? {
          ci: {
            provider: 'github-actions',
            jobId: String(9000 + job),
            jobUrl: `https://ci.example.test/jobs/${9000 + job}`,
          },
        }
      : {}),
  };
}

/**
 * A project ready for runs: a scope with today's process bar, a quantifiable goal, a
 * hit rate@10 success criterion (threshold 0.6) and a CI token, all through the API.
 */
export async function seedRunsProject(
  server: RunningServer,
  api: Api,
  names: { team: string; project: string },
): Promise<{ teamId: string; projectId: string; ci: Api }> {
  const team = await api.post<{ id: string }>('/teams', { name: names.team });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: names.project,
    scope: {
      why: 'Unplanned pump failures stop the line; the plant manager wants the riskiest pumps checked first.',
      sponsor: 'Plant manager',
      users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }],
      currentProcess: 'Planners pick the pumps to inspect from the last failure dates.',
      currentMetric: { name: 'planners’ hit rate@10', value: 0.25 },
      productization: 'push_to_prod',
      pocConstraints: ['time', 'resources'],
    },
  });
  await api.post(`/projects/${project.id}/goals`, {
    statement: 'Halve unplanned pump downtime',
    metric: 'Unplanned downtime hours per month',
    direction: 'decrease',
    baseline: 120,
    target: 60,
    deadline: dayFromNow(300),
    unit: 'hours',
  });
  await api.put(`/projects/${project.id}/success-criterion`, {
    metric: { kind: 'hit_rate_at_n', n: 10 },
    threshold: 0.6,
    evaluation: STRATEGY,
    valueModel: { costMissed: 5000, costIntervention: 200, currency: 'EUR' },
  });
  const token = await api.post<{ token: string }>(`/projects/${project.id}/ci-tokens`, {
    name: 'github-actions',
  });
  return { teamId: team.id, projectId: project.id, ci: new Api(server.url, token.token) };
}

export function postRun(poster: Api, projectId: string, seed: RunSeed, ci = true) {
  return poster.post<RunRef>(`/projects/${projectId}/runs`, runBody(seed, ci));
}

/**
 * Two sprints with CI runs: sprint 1 (closed, best 0.35, which becomes the baseline) and
 * sprint 2 (active, best 0.42), plus a manual run in sprint 2 that must not count.
 */
export async function seedReviewHistory(
  api: Api,
  ci: Api,
  projectId: string,
): Promise<{ first: { id: string; name: string }; second: { id: string; name: string } }> {
  const first = await planSprint(
    api,
    projectId,
    -24,
    -11,
    'A baseline model under a fixed evaluation',
  );
  const second = await planSprint(api, projectId, -10, 3, 'Rolling vibration features');
  await addStory(api, first.id, {
    title: 'Baseline gradient boosting',
    type: 'model',
    what: 'A gradient-boosting model scored nightly, with its hit rate@10',
    done: true,
  });
  await addStory(api, first.id, { title: 'Label past failures', type: 'dataset' });
  await postRun(ci, projectId, { value: 0.3, day: -20 });
  await postRun(ci, projectId, { value: 0.35, day: -15 });
  await api.post(`/sprints/${first.id}/start`);
  await api.post(`/sprints/${first.id}/close`, { carryOver: [] });
  await api.post(`/sprints/${second.id}/start`);
  await addStory(api, second.id, {
    title: 'Rolling vibration features',
    type: 'pipeline',
    what: 'Seven-day rolling means and peaks of the vibration sensors',
    done: true,
  });
  await postRun(ci, projectId, { value: 0.38, day: -8 });
  await postRun(ci, projectId, { value: 0.42, day: -4 });
  // A person's run, higher than any CI run: shown, never charted.
  await postRun(api, projectId, { value: 0.9, day: -3 }, false);
  return { first, second };
}
