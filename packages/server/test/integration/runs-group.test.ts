import { afterEach, expect, it, vi } from 'vitest';
import type { CreatedToken, ErrorBody, Page, Run } from '@sextant/core';
import type { Repositories } from '@sextant/db';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal, type SignedIn } from '../support/factory.js';
import type { Reply, TestClient } from '../support/client.js';

// Single-run posts that arrive together share one transaction (services/write-group.ts).
// These tests post in bursts and check that each post is answered exactly as it would
// be alone: provenance, the first baseline, Idempotency-Key replays and refusals, and a
// failure that stays with its own post.

const CI = { provider: 'github-actions', jobId: '77', jobUrl: 'https://ci.example.test/77' };
const METRIC = 'hit_rate_at_10';

const run = (value: number, extra: Record<string, unknown> = {}) => ({
  metrics: { [METRIC]: value },
  commit: `c${value}`,
  ci: CI,
  ...extra,
});

async function ciClient(admin: SignedIn, projectId: string): Promise<TestClient> {
  const token = await admin.client.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  return admin.client.withBearer(token.body.token);
}

async function scopedProject(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace();
  await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env.clock.now()));
  expect(
    (await admin.client.put(`/projects/${project.id}/success-criterion`, HIT_RATE_CRITERION))
      .status,
  ).toBe(200);
  return { admin, team, project, ci: await ciClient(admin, project.id) };
}

const postRun = (client: TestClient, projectId: string, body: unknown, key?: string) =>
  client.request<Run>('POST', `/projects/${projectId}/runs`, body, {
    headers: key ? { 'idempotency-key': key } : {},
  });

async function storedRuns(admin: SignedIn, projectId: string): Promise<Run[]> {
  const page = await admin.client.get<Page<Run>>(`/projects/${projectId}/runs?limit=200`);
  return page.body.items;
}

describeEachDatabase('runs posted concurrently', (env) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers each post of a burst as if it came alone, in fewer transactions', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const transactions = vi.spyOn(env().store, 'transaction');
    const posts: Promise<Reply<Run>>[] = [
      ...Array.from({ length: 20 }, (_, i) => postRun(ci, project.id, run(0.2 + i / 100), `k${i}`)),
      ...Array.from({ length: 4 }, (_, i) => postRun(admin.client, project.id, run(0.9 + i / 100))),
      postRun(ci, project.id, run(0.95, { ci: undefined })),
    ];
    const replies = await Promise.all(posts);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    expect(transactions.mock.calls.length).toBeLessThan(replies.length);
    const bodies = replies.map((r) => r.body);
    expect(new Set(bodies.map((r) => r.id)).size).toBe(bodies.length);
    expect(bodies.slice(0, 20).every((r) => r.provenance === 'ci')).toBe(true);
    expect(bodies.slice(20).every((r) => r.provenance === 'manual')).toBe(true);
    expect(bodies[20]?.postedBy?.email).toBe(admin.user.email);

    // The first CI run stored is the first baseline, and every CI answer compares with it.
    const stored = await storedRuns(admin, project.id);
    expect(stored).toHaveLength(bodies.length);
    const firstCi = stored.filter((r) => r.provenance === 'ci').at(-1);
    const baseline = firstCi?.metrics[METRIC];
    for (const body of bodies.slice(0, 20)) {
      expect(body.comparison).toMatchObject({ status: 'comparable', baselineValue: baseline });
    }
  });

  it('replays a key sent twice in one burst, and refuses it with another body', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const same = await Promise.all(
      Array.from({ length: 5 }, () => postRun(ci, project.id, run(0.4), 'job-1')),
    );
    expect(same.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    expect(same.filter((r) => r.raw.headers['idempotent-replayed'] === 'true')).toHaveLength(4);

    const differing = await Promise.all([
      postRun(ci, project.id, run(0.5), 'job-2'),
      postRun(ci, project.id, run(0.6), 'job-2'),
    ]);
    expect(differing.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = differing.find((r) => r.status === 422) as unknown as Reply<ErrorBody>;
    expect(refused.body.error.code).toBe('idempotency_key_reused');
    expect(await storedRuns(admin, project.id)).toHaveLength(2);
  });

  it('takes an expired key in a burst as new, beside fresh keys and a replay', async () => {
    const { admin, project, ci } = await scopedProject(env());
    const old = await postRun(ci, project.id, run(0.3), 'nightly-1');
    const kept = await postRun(ci, project.id, run(0.31), 'nightly-2');
    env().clock.advance(25 * 3_600_000);
    const again = await postRun(ci, project.id, run(0.31), 'nightly-2');
    expect(again.raw.headers['idempotent-replayed']).toBeUndefined();
    const burst = await Promise.all([
      postRun(ci, project.id, run(0.4), 'nightly-1'),
      postRun(ci, project.id, run(0.41), 'nightly-3'),
      postRun(ci, project.id, run(0.31), 'nightly-2'),
    ]);
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201]);
    // The expired key is a new run with the new body; the key stored a moment ago replays.
    expect(burst[0]?.body.id).not.toBe(old.body.id);
    expect(burst[0]?.body.metrics[METRIC]).toBe(0.4);
    expect(burst[2]?.body.id).toBe(again.body.id);
    expect(burst[2]?.raw.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).not.toBe(kept.body.id);
    expect(await storedRuns(admin, project.id)).toHaveLength(5);
  });

  it('fails only the posts to an archived project', async () => {
    const live = await scopedProject(env());
    const archived = await scopedProject(env());
    const ciOfArchived = archived.ci;
    expect(
      (await archived.admin.client.post(`/projects/${archived.project.id}/archive`)).status,
    ).toBe(200);
    const replies = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => postRun(live.ci, live.project.id, run(i / 10))),
      ...Array.from({ length: 5 }, (_, i) =>
        postRun(ciOfArchived, archived.project.id, run(i / 10), `a${i}`),
      ),
    ]);
    expect(replies.map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201, 409, 409, 409, 409, 409,
    ]);
    expect(await storedRuns(live.admin, live.project.id)).toHaveLength(5);
    expect(await storedRuns(archived.admin, archived.project.id)).toHaveLength(0);
  });

  it('writes each post alone when the shared write fails, storing none twice', async () => {
    const { admin, project, ci } = await scopedProject(env());
    // Another server stored one of the keys first: the group's insert of the keys fails.
    const clash = Object.assign(new Error('duplicate key'), {
      code: env().kind === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505',
    });
    const { store } = env();
    let clashes = 0;
    const transaction = store.transaction.bind(store);
    vi.spyOn(store, 'transaction').mockImplementationOnce((work) =>
      transaction((repos) => {
        const idempotency: Repositories['idempotency'] = Object.create(repos.idempotency);
        idempotency.saveMany = () => {
          clashes += 1;
          return Promise.reject(clash);
        };
        return work({ ...repos, idempotency });
      }),
    );
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postRun(ci, project.id, run(i / 10), `g${i}`)),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    expect(clashes).toBe(1);
    const again = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postRun(ci, project.id, run(i / 10), `g${i}`)),
    );
    expect(again.map((r) => r.body.id)).toEqual(replies.map((r) => r.body.id));
    expect(await storedRuns(admin, project.id)).toHaveLength(8);
  });
});
