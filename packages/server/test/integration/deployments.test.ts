import { expect, it } from 'vitest';
import type { CreatedToken, Deployment, DeploymentKpis, ErrorBody, Page, Run } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';
import type { TestClient } from '../support/client.js';

const CI = {
  provider: 'github-actions',
  jobId: '777',
  jobUrl: 'https://ci.example.test/runs/777',
};

function deployment(extra: Record<string, unknown> = {}) {
  return {
    version: '1.4.0',
    environment: 'production',
    status: 'succeeded',
    commit: 'a1b2c3d',
    startedAt: '2026-11-20T09:50:00Z',
    finishedAt: '2026-11-20T10:00:00Z',
    ci: CI,
    ...extra,
  };
}

async function ciClient(admin: SignedIn, projectId: string): Promise<TestClient> {
  const token = await admin.client.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, {
    name: 'cd',
  });
  expect(token.status).toBe(201);
  return admin.client.withBearer(token.body.token);
}

async function project(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace();
  return { admin, team, project, ci: await ciClient(admin, project.id) };
}

async function listed(client: TestClient, projectId: string, query = ''): Promise<Deployment[]> {
  const page = await client.get<Page<Deployment>>(`/projects/${projectId}/deployments${query}`);
  expect(page.status).toBe(200);
  return page.body.items;
}

describeEachDatabase('deployments and their KPIs', (env) => {
  it('records ci provenance only for this project’s CI token with CI metadata', async () => {
    const { admin, project: p, ci } = await project(env());
    const byCi = await ci.post<Deployment>(`/projects/${p.id}/deployments`, deployment());
    expect(byCi.status).toBe(201);
    expect(byCi.body).toMatchObject({
      projectId: p.id,
      version: '1.4.0',
      environment: 'production',
      status: 'succeeded',
      commit: 'a1b2c3d',
      startedAt: '2026-11-20T09:50:00.000Z',
      finishedAt: '2026-11-20T10:00:00.000Z',
      provenance: 'ci',
      ci: CI,
      postedBy: null,
      runId: null,
    });
    expect(byCi.body.url).toBe(`/projects/${p.id}/deployments#${byCi.body.id}`);

    const noMetadata = await ci.post<Deployment>(
      `/projects/${p.id}/deployments`,
      deployment({ ci: undefined }),
    );
    expect(noMetadata.body.provenance).toBe('manual');
    const byPerson = await admin.client.post<Deployment>(
      `/projects/${p.id}/deployments`,
      deployment({ environment: 'staging' }),
    );
    expect(byPerson.status).toBe(201);
    expect(byPerson.body.provenance).toBe('manual');
    expect(byPerson.body.postedBy?.email).toBe(admin.user.email);

    const other = await project(env());
    const foreign = await ci.post<ErrorBody>(
      `/projects/${other.project.id}/deployments`,
      deployment(),
    );
    expect(foreign.status).toBe(404);
    expect(await listed(other.admin.client, other.project.id)).toEqual([]);
    // A CI token posts deployments but does not read them.
    expect((await ci.get(`/projects/${p.id}/deployments`)).status).toBe(403);
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const { admin, project: p, ci } = await project(env());
    const headers = { 'idempotency-key': 'deploy-777-attempt-1' };
    const path = `/projects/${p.id}/deployments`;
    const first = await ci.request<Deployment>('POST', path, deployment(), { headers });
    const again = await ci.request<Deployment>('POST', path, deployment(), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.raw.headers['idempotent-replayed']).toBe('true');
    const reused = await ci.request<ErrorBody>('POST', path, deployment({ status: 'failed' }), {
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      details: { field: 'Idempotency-Key' },
    });
    // The key belongs to the token: the same key from a person records a new deployment.
    const person = await admin.client.request<Deployment>('POST', path, deployment(), {
      headers,
    });
    expect(person.status).toBe(201);
    expect(person.body.id).not.toBe(first.body.id);
    expect((await listed(admin.client, p.id)).map((d) => d.id)).toEqual([
      person.body.id,
      first.body.id,
    ]);
  });

  it('links a run of the same project only, and refuses a finish before the start', async () => {
    const { admin, project: p, ci } = await project(env());
    const run = await ci.post<Run>(`/projects/${p.id}/runs`, {
      metrics: { auc: 0.81 },
      commit: 'a1b2c3d',
      ci: CI,
    });
    expect(run.status).toBe(201);
    const linked = await ci.post<Deployment>(
      `/projects/${p.id}/deployments`,
      deployment({ runId: run.body.id }),
    );
    expect(linked.status).toBe(201);
    expect(linked.body.runId).toBe(run.body.id);

    const other = await project(env());
    const foreignRun = await other.ci.post<Run>(`/projects/${other.project.id}/runs`, {
      metrics: { auc: 0.5 },
      commit: 'fff0000',
      ci: CI,
    });
    for (const runId of [foreignRun.body.id, '0192f0c0-0000-7000-8000-000000000000']) {
      const refused = await ci.post<ErrorBody>(
        `/projects/${p.id}/deployments`,
        deployment({ runId }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'rule_violation',
        details: { field: 'runId' },
      });
      expect(refused.body.error.message).toMatch(/^runId:/);
    }

    const backwards = await admin.client.post<ErrorBody>(
      `/projects/${p.id}/deployments`,
      deployment({ startedAt: '2026-11-20T10:00:01Z', finishedAt: '2026-11-20T10:00:00Z' }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details).toMatchObject({ field: 'finishedAt' });

    const badStatus = await admin.client.post<ErrorBody>(
      `/projects/${p.id}/deployments`,
      deployment({ status: 'done' }),
    );
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body.error)).toContain('status');
    expect(await listed(admin.client, p.id)).toHaveLength(1);
  });

  it('names its run: the one it names, else the CI run of its commit that finished last', async () => {
    const { admin, project: p, ci } = await project(env());
    env().clock.set(new Date('2026-11-20T12:00:00Z'));
    const postRun = async (
      client: TestClient,
      projectId: string,
      body: Record<string, unknown>,
    ) => {
      const reply = await client.post<Run>(`/projects/${projectId}/runs`, {
        metrics: { auc: 0.8 },
        ...body,
      });
      expect(reply.status).toBe(201);
      return reply.body;
    };
    const early = await postRun(ci, p.id, {
      commit: 'c1',
      finishedAt: '2026-11-20T09:00:00Z',
      ci: CI,
    });
    const late = await postRun(ci, p.id, {
      commit: 'c1',
      finishedAt: '2026-11-20T11:00:00Z',
      ci: CI,
    });
    // Later still, but a person's run (manual) and another project's CI run never count.
    await postRun(admin.client, p.id, { commit: 'c1', finishedAt: '2026-11-20T11:30:00Z' });
    const other = await project(env());
    await postRun(other.ci, other.project.id, {
      commit: 'c1',
      finishedAt: '2026-11-20T11:45:00Z',
      ci: CI,
    });
    // A CI run that states no finish counts at its arrival (the clock's 12:00).
    const unstated = await postRun(ci, p.id, { commit: 'c2', ci: CI });

    const deploy = async (extra: Record<string, unknown>) => {
      const reply = await ci.post<Deployment>(`/projects/${p.id}/deployments`, deployment(extra));
      expect(reply.status).toBe(201);
      return reply.body;
    };
    const byCommit = await deploy({ commit: 'c1' });
    expect(byCommit.runId).toBeNull();
    expect(byCommit.run).toEqual({
      id: late.id,
      commit: 'c1',
      provenance: 'ci',
      finishedAt: '2026-11-20T11:00:00.000Z',
      linkedBy: 'commit',
      url: `/projects/${p.id}/runs/${late.id}`,
    });
    const named = await deploy({ commit: 'c1', runId: early.id });
    expect(named.run).toMatchObject({ id: early.id, linkedBy: 'posted' });
    const unfinished = await deploy({ commit: 'c2', version: '1.5.0' });
    expect(unfinished.run).toMatchObject({ id: unstated.id, finishedAt: null, linkedBy: 'commit' });
    const noRun = await deploy({ commit: 'c3', version: '1.6.0' });
    expect(noRun.run).toBeNull();
    const noCommit = await deploy({ commit: undefined, version: '1.7.0' });
    expect(noCommit.run).toBeNull();

    // Linked when read: a later CI run of c1 becomes the run of the deployment that names none.
    const rerun = await postRun(ci, p.id, {
      commit: 'c1',
      finishedAt: '2026-11-20T11:50:00Z',
      ci: CI,
    });
    const runs = (await listed(admin.client, p.id)).map((d) => [
      d.version,
      d.commit,
      d.run?.id ?? null,
      d.run?.linkedBy ?? null,
    ]);
    expect(runs).toEqual([
      ['1.7.0', null, null, null],
      ['1.6.0', 'c3', null, null],
      ['1.5.0', 'c2', unstated.id, 'commit'],
      ['1.4.0', 'c1', early.id, 'posted'],
      ['1.4.0', 'c1', rerun.id, 'commit'],
    ]);

    // The API document describes the new field.
    const doc = await env()
      .factory.client()
      .get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(JSON.stringify(doc.body.paths['/api/v1/projects/{id}/deployments'])).toContain(
      'linkedBy',
    );
  });

  it('lets a viewer read deployments and KPIs but not post', async () => {
    const { admin, team, project: p, ci } = await project(env());
    await ci.post(`/projects/${p.id}/deployments`, deployment());
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    expect(await listed(viewer.client, p.id)).toHaveLength(1);
    const kpis = await viewer.client.get<DeploymentKpis>(`/projects/${p.id}/deployments/kpis`);
    expect(kpis.status).toBe(200);
    // The same figures the admin reads, not a body cut down for viewers.
    const asAdmin = await admin.client.get<DeploymentKpis>(`/projects/${p.id}/deployments/kpis`);
    expect(kpis.body).toEqual(asAdmin.body);
    expect(kpis.body.perMonth.length).toBeGreaterThan(0);
    const post = await viewer.client.post<ErrorBody>(`/projects/${p.id}/deployments`, deployment());
    expect(post.status).toBe(403);
  });

  it('lists newest first, filters by environment and status, and pages by cursor', async () => {
    const { admin, project: p, ci } = await project(env());
    const posted: Deployment[] = [];
    for (const [environment, status] of [
      ['staging', 'succeeded'],
      ['production', 'succeeded'],
      ['production', 'failed'],
      ['production', 'succeeded'],
      ['staging', 'rolled_back'],
    ] as const) {
      const reply = await ci.post<Deployment>(
        `/projects/${p.id}/deployments`,
        deployment({ environment, status }),
      );
      posted.push(reply.body);
    }
    const ids = (items: Deployment[]) => items.map((d) => d.id);
    const [s1, p1, p2, p3, s2] = posted.map((d) => d.id);
    expect(ids(await listed(admin.client, p.id, '?environment=production'))).toEqual([p3, p2, p1]);
    expect(ids(await listed(admin.client, p.id, '?status=succeeded'))).toEqual([p3, p1, s1]);
    const first = await admin.client.get<Page<Deployment>>(`/projects/${p.id}/deployments?limit=2`);
    expect(ids(first.body.items)).toEqual([s2, p3]);
    const second = await admin.client.get<Page<Deployment>>(
      `/projects/${p.id}/deployments?limit=2&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(ids(second.body.items)).toEqual([p2, p1]);
    const third = await admin.client.get<Page<Deployment>>(
      `/projects/${p.id}/deployments?limit=2&cursor=${second.body.nextCursor ?? ''}`,
    );
    expect(ids(third.body.items)).toEqual([s1]);
    expect(third.body.nextCursor).toBeNull();
  });

  it('computes the KPIs of a hand-computed history', async () => {
    const { admin, project: p, ci } = await project(env());
    // Wednesday 25 November 2026; its ISO week starts Monday 23 November.
    env().clock.set(new Date('2026-11-25T12:00:00Z'));
    const run = await ci.post<Run>(`/projects/${p.id}/runs`, {
      metrics: { auc: 0.8 },
      commit: 'c1',
      startedAt: '2026-11-20T00:00:00Z',
      finishedAt: '2026-11-20T01:00:00Z',
      ci: CI,
    });
    expect(run.status).toBe(201);
    const post = async (version: string, status: string, finishedAt: string, extra = {}) => {
      const reply = await ci.post<Deployment>(`/projects/${p.id}/deployments`, {
        version,
        environment: 'production',
        status,
        finishedAt,
        ci: CI,
        ...extra,
      });
      expect(reply.status).toBe(201);
    };
    await post('1.0', 'succeeded', '2026-11-20T06:00:00Z', { commit: 'c1' });
    await post('1.1', 'failed', '2026-11-23T10:00:00Z', { commit: 'c2' });
    await post('1.1', 'succeeded', '2026-11-23T11:00:00Z', { commit: 'c2' });
    await post('1.2', 'rolled_back', '2026-11-23T15:00:00Z');
    await post('1.3', 'succeeded', '2026-11-24T09:00:00Z', { environment: 'staging' });

    const reply = await admin.client.get<DeploymentKpis>(`/projects/${p.id}/deployments/kpis`);
    expect(reply.status).toBe(200);
    const kpis = reply.body;
    // Four production deployments in November; the staging one does not count.
    expect(kpis.perMonth.at(-1)).toEqual({ month: '2026-11', count: 4 });
    expect(kpis.perMonth.at(-2)).toEqual({ month: '2026-10', count: 0 });
    // Last successful production deployment on 23 Nov: two days before 25 Nov.
    expect(kpis.daysSinceLastProduction).toBe(2);
    // (1 failed + 1 rolled back) / 4 production deployments.
    expect(kpis.changeFailureRate).toBe(0.5);
    // Version 1.0: CI run of c1 started 20 Nov 00:00, deployed 06:00. 1.1 has no run of c2.
    expect(kpis.leadTimeHours).toBe(6);
    // Complete weeks: only the week of 16 Nov has a deployment day (1); eleven zeros.
    expect(kpis.deploymentDaysPerWeek).toBe(0);
    expect(kpis.perWeek.at(-2)).toEqual({
      weekStart: '2026-11-16',
      succeeded: 1,
      failed: 0,
      deploymentDays: 1,
    });
    expect(kpis.perWeek.at(-1)).toEqual({
      weekStart: '2026-11-23',
      succeeded: 1,
      failed: 2,
      deploymentDays: 1,
    });
    expect(kpis.rules.changeFailureRate).toMatch(/not changes/);
  });
});
