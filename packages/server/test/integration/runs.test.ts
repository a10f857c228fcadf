import { expect, it } from 'vitest';
import type {
  CreatedToken,
  ErrorBody,
  Page,
  ProjectDetail,
  Run,
  RunBatchResult,
  SprintDecision,
  SprintReview,
} from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal, type SignedIn } from '../support/factory.js';
import type { TestClient } from '../support/client.js';
import { closeSprint, createSprint, startSprint } from '../support/sprints.js';

const CI = {
  provider: 'github-actions',
  jobId: '4242',
  jobUrl: 'https://ci.example.test/runs/4242',
};
const METRIC = 'hit_rate_at_10';
/** Another strategy than HIT_RATE_CRITERION's: a weekly test window. */
const OTHER_STRATEGY = { trainWindow: 'expanding', testWindow: '7d', step: '7d', horizon: '2d' };

function run(value: number, extra: Record<string, unknown> = {}) {
  return {
    metrics: { [METRIC]: value, precision_at_10: value / 10 },
    commit: 'a1b2c3d',
    ci: CI,
    ...extra,
  };
}

async function ciClient(admin: SignedIn, projectId: string): Promise<TestClient> {
  const token = await admin.client.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  return admin.client.withBearer(token.body.token);
}

async function scopedProject(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace({
    users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }],
  });
  await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env.clock.now()));
  expect(
    (await admin.client.put(`/projects/${project.id}/success-criterion`, HIT_RATE_CRITERION))
      .status,
  ).toBe(200);
  return { admin, team, project, ci: await ciClient(admin, project.id) };
}

async function runCount(admin: SignedIn, projectId: string): Promise<number> {
  const page = await admin.client.get<Page<Run>>(`/projects/${projectId}/runs?limit=200`);
  return page.body.items.length;
}

describeEachDatabase('runs, baselines and the sprint review', (env) => {
  it('records ci provenance only for this project’s CI token with CI metadata', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const byCi = await ci.post<Run>(`/projects/${project.id}/runs`, run(0.3));
    expect(byCi.status).toBe(201);
    expect(byCi.body).toMatchObject({ provenance: 'ci', ci: CI, commit: 'a1b2c3d' });
    expect(byCi.body.url).toBe(`/projects/${project.id}/runs/${byCi.body.id}`);

    const noMetadata = await ci.post<Run>(
      `/projects/${project.id}/runs`,
      run(0.9, { ci: undefined }),
    );
    expect(noMetadata.body.provenance).toBe('manual');
    const byPerson = await admin.client.post<Run>(`/projects/${project.id}/runs`, run(0.9));
    expect(byPerson.status).toBe(201);
    expect(byPerson.body).toMatchObject({ provenance: 'manual', comparison: { status: 'manual' } });
    expect(byPerson.body.postedBy?.email).toBe(admin.user.email);

    const other = await scopedProject(env());
    const foreign = await ci.post<ErrorBody>(`/projects/${other.project.id}/runs`, run(0.5));
    expect(foreign.status).toBe(404);
    // Manual runs never become the baseline: the CI run at 0.3 is, though 0.9 is higher.
    const review = await admin.client.get<Page<Run>>(`/projects/${project.id}/runs?provenance=ci`);
    expect(review.body.items.map((r) => r.id)).toEqual([byCi.body.id]);
    expect(await runCount(other.admin, other.project.id)).toBe(0);
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const headers = { 'idempotency-key': 'job-4242-attempt-1' };
    const first = await ci.request<Run>('POST', `/projects/${project.id}/runs`, run(0.31), {
      headers,
    });
    const again = await ci.request<Run>('POST', `/projects/${project.id}/runs`, run(0.31), {
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.raw.headers['idempotent-replayed']).toBe('true');
    const reused = await ci.request<ErrorBody>('POST', `/projects/${project.id}/runs`, run(0.99), {
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      details: { field: 'Idempotency-Key' },
    });
    // Keys belong to one caller: the same key from a person is a new run.
    const person = await admin.client.request<Run>(
      'POST',
      `/projects/${project.id}/runs`,
      run(0.31),
      { headers },
    );
    expect(person.body.id).not.toBe(first.body.id);
    expect(await runCount(admin, project.id)).toBe(2);
    // A day later the key has expired and may be used again.
    env().clock.advance(25 * 3_600_000);
    const later = await ci.request<Run>('POST', `/projects/${project.id}/runs`, run(0.99), {
      headers,
    });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('refuses NaN, Infinity, 1e309, 1,001 metrics and a 10 MB body, storing nothing', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const url = `/projects/${project.id}/runs`;
    const nan = await ci.request<ErrorBody>('POST', url, undefined, {
      rawBody: `{"metrics":{"${METRIC}":NaN},"commit":"a1"}`,
    });
    expect(nan.status).toBe(400);
    const huge = await ci.request<ErrorBody>('POST', url, undefined, {
      rawBody: `{"metrics":{"${METRIC}":1e309},"commit":"a1"}`,
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain(`metrics.${METRIC}`);
    const infinity = await ci.request<ErrorBody>('POST', url, undefined, {
      rawBody: `{"metrics":{"${METRIC}":Infinity},"commit":"a1"}`,
    });
    expect(infinity.status).toBe(400);
    const tooMany = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`m${i}`, i]));
    const many = await ci.post<ErrorBody>(url, { metrics: tooMany, commit: 'a1' });
    expect(many.status).toBe(400);
    expect(many.body.error.message).toContain('at most 1000 metrics');
    const big = await ci.post<ErrorBody>(url, {
      metrics: { x: 1 },
      commit: 'a1',
      params: { blob: 'x'.repeat(10 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
    const bigBatch = await ci.post<ErrorBody>(`${url}/batch`, {
      runs: [{ metrics: { x: 1 }, commit: 'a1', params: { blob: 'x'.repeat(10 * 1024 * 1024) } }],
    });
    expect(bigBatch.status).toBe(413);
    expect(await runCount(admin, project.id)).toBe(0);
  });

  it('stores a batch of 1,000 runs at once, and refuses 1,001', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const runs = Array.from({ length: 1_000 }, (_, i) => run(i / 1_000, { commit: `c${i}` }));
    const batch = await ci.post<RunBatchResult>(`/projects/${project.id}/runs/batch`, { runs });
    expect(batch.status).toBe(201);
    expect(batch.body.count).toBe(1_000);
    expect(batch.body.items).toHaveLength(1_000);
    expect(new Set(batch.body.items.map((r) => r.id)).size).toBe(1_000);
    expect(batch.body.items.every((r) => r.provenance === 'ci')).toBe(true);
    // Each line leads to the whole run, in the order sent.
    const last = batch.body.items[999];
    expect(last?.url).toBe(`/projects/${project.id}/runs/${last?.id}`);
    const stored = await admin.client.get<Run>(`/runs/${last?.id}`);
    expect(stored.body).toMatchObject({ commit: 'c999', metrics: { [METRIC]: 0.999 } });
    const tooMany = await ci.post<ErrorBody>(`/projects/${project.id}/runs/batch`, {
      runs: [...runs, run(1)],
    });
    expect(tooMany.status).toBe(400);
    const first = await admin.client.get<Page<Run>>(`/projects/${project.id}/runs?limit=200`);
    expect(first.body.items).toHaveLength(200);
    expect(first.body.nextCursor).not.toBeNull();
    const sorted = await admin.client.get<Page<Run>>(
      `/projects/${project.id}/runs?limit=3&sortMetric=${METRIC}&order=desc`,
    );
    expect(sorted.body.items.map((r) => r.metrics[METRIC])).toEqual([0.999, 0.998, 0.997]);
  });

  it('promotes a baseline at sprint close only under the same evaluation strategy, and says when runs are not comparable', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const s1 = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const s2 = await createSprint(admin.client, project.id, '2026-01-19', '2026-01-30');
    const inS1 = { finishedAt: '2026-01-08T10:00:00Z' };
    const first = await ci.post<Run>(`/projects/${project.id}/runs`, run(0.3, inS1));
    expect(first.body.sprintId).toBe(s1.id);
    expect(first.body.comparison).toMatchObject({
      status: 'comparable',
      isBaseline: true,
      baselineValue: 0.3,
      message: `${METRIC} 0.3 is the baseline (the project’s first CI run).`,
    });
    const better = await ci.post<Run>(`/projects/${project.id}/runs`, run(0.35, inS1));
    expect(better.body.comparison.message).toBe(`${METRIC} 0.35 beats the baseline 0.3.`);
    expect(better.body.comparison.isBaseline).toBe(false);
    const otherStrategy = await ci.post<Run>(
      `/projects/${project.id}/runs`,
      run(0.5, { ...inS1, evaluation: OTHER_STRATEGY }),
    );
    expect(otherStrategy.body.comparison.status).toBe('not_comparable');
    expect(otherStrategy.body.comparison.message).toContain(
      'not comparable: evaluation strategy changed',
    );
    expect(otherStrategy.body.comparison.runStrategy).toContain('"testWindowHours":168');
    expect(otherStrategy.body.comparison.baselineStrategy).toContain('"testWindowHours":24');
    const alerted = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(alerted.body.warnings.map((w) => w.rule)).toContain('evaluation_changed');

    await startSprint(admin.client, s1.id);
    await closeSprint(admin.client, s1.id);
    const review = await admin.client.get<SprintReview>(`/sprints/${s1.id}/review`);
    expect(review.status).toBe(200);
    // 0.5 was higher but under another strategy: 0.35 is the new baseline.
    expect(review.body.baseline).toMatchObject({
      value: 0.35,
      reason: 'sprint_close',
      runId: better.body.id,
    });
    expect(review.body.points).toHaveLength(1);
    expect(review.body.points[0]).toMatchObject({
      bestCiValue: 0.35,
      // The bar the sprint started with (the first CI run), then what its close promoted.
      baselineValue: 0.3,
      promotedValue: 0.35,
      notComparableRuns: 1,
    });
    expect(review.body.comparability?.message).toContain(
      'not comparable: evaluation strategy changed',
    );
    expect(review.body).toMatchObject({
      threshold: 2,
      metric: { name: METRIC, direction: 'increase' },
    });
    expect(review.body.forecast.status).toBe('not_enough_data');

    // A CI run under the baseline's strategy again ends the alert.
    const inS2 = { finishedAt: '2026-01-21T10:00:00Z' };
    await ci.post<Run>(`/projects/${project.id}/runs`, run(0.55, inS2));
    const cleared = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(cleared.body.warnings.map((w) => w.rule)).not.toContain('evaluation_changed');
    const review2 = await admin.client.get<SprintReview>(`/sprints/${s2.id}/review`);
    expect(review2.body.points.map((p) => p.bestCiValue)).toEqual([0.35, 0.55]);
    // Pace 0.2 per sprint; (2 − 0.55) / 0.2 = 7.25 → 8 more sprints.
    expect(review2.body.forecast).toMatchObject({ status: 'in_sight', sprintsNeeded: 8 });
    expect(review2.body.forecast.pacePerSprint).toBeCloseTo(0.2, 10);
    expect(review2.body.forecast.method).toContain('least-squares slope');
  });

  it('says "not in sight" when the pace is flat or backwards', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const s1 = await createSprint(admin.client, project.id, '2026-02-02', '2026-02-13');
    const s2 = await createSprint(admin.client, project.id, '2026-02-16', '2026-02-27');
    await ci.post(`/projects/${project.id}/runs`, run(0.4, { finishedAt: '2026-02-05T09:00:00Z' }));
    await startSprint(admin.client, s1.id);
    await closeSprint(admin.client, s1.id);
    await ci.post(
      `/projects/${project.id}/runs`,
      run(0.38, { finishedAt: '2026-02-18T09:00:00Z' }),
    );
    const review = await admin.client.get<SprintReview>(`/sprints/${s2.id}/review`);
    expect(review.body.forecast.status).toBe('not_in_sight');
    expect(review.body.forecast.sprintsNeeded).toBeNull();
    expect(review.body.forecast.message).toContain('Not in sight');
  });

  it('records decisions: continue keeps the stage, objectives_met opens productization, drop drops', async () => {
    const { admin, project } = await scopedProject(env());
    expect(
      (await admin.client.post(`/projects/${project.id}/stage`, { stage: 'poc', note: 'go' }))
        .status,
    ).toBe(201);
    const s1 = await createSprint(admin.client, project.id, '2026-03-02', '2026-03-13');
    const refused = await admin.client.post<ErrorBody>(`/projects/${project.id}/stage`, {
      stage: 'productization',
      note: 'too early',
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body.error.details)).toContain('objectives_met');

    const keepGoing = await admin.client.post<SprintDecision>(`/sprints/${s1.id}/decision`, {
      decision: 'continue',
      rationale: 'Hit rate is climbing; one more sprint on features.',
    });
    expect(keepGoing.status).toBe(201);
    expect(keepGoing.body).toMatchObject({ decision: 'continue', stageChange: null });
    expect(keepGoing.body.decidedBy?.email).toBe(admin.user.email);

    await admin.client.post(`/sprints/${s1.id}/decision`, {
      decision: 'objectives_met',
      rationale: 'Threshold met.',
    });
    const review = await admin.client.get<SprintReview>(`/sprints/${s1.id}/review`);
    expect(review.body.decision?.decision).toBe('objectives_met');
    const moved = await admin.client.post(`/projects/${project.id}/stage`, {
      stage: 'productization',
      note: 'ship it',
    });
    expect(moved.status).toBe(201);

    const dropped = await admin.client.post<SprintDecision>(`/sprints/${s1.id}/decision`, {
      decision: 'drop',
      rationale: 'The plant closes next year.',
    });
    expect(dropped.body.stageChange).toEqual({ from: 'productization', to: 'dropped' });
    const detail = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(detail.body.stage).toBe('dropped');

    const empty = await admin.client.post<ErrorBody>(`/sprints/${s1.id}/decision`, {
      decision: 'continue',
      rationale: ' ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('rationale');
  });
});
