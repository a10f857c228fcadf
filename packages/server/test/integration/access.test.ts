import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditEvent, CreatedToken, ErrorBody, Page, Project, Token } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../support/factory.js';

describeEachDatabase('access control', (env) => {
  it('gives a viewer 403 on every write to the project and lets them read it', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const id = project.id;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/projects/${id}`, { name: 'Renamed' }],
      ['POST', `/projects/${id}/goals`, quantifiableGoal(env().clock.now())],
      ['PUT', `/projects/${id}/success-criterion`, HIT_RATE_CRITERION],
      ['POST', `/projects/${id}/stage`, { stage: 'dropped', note: 'no' }],
      ['POST', `/projects/${id}/risks`, { description: 'x', likelihood: 'low', impact: 'low' }],
      ['POST', `/projects/${id}/ci-tokens`, { name: 'ci' }],
      ['POST', `/projects/${id}/archive`, undefined],
      ['POST', '/projects', { teamId: team.id, name: 'Viewer project' }],
      ['POST', `/teams/${team.id}/members`, { email: 'someone@example.test', role: 'admin' }],
    ];
    for (const [method, url, body] of writes) {
      const reply = await viewer.client.request<ErrorBody>(method as 'POST', url, body);
      expect(reply.status, `${method} ${url}`).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const read = await viewer.client.get<Project>(`/projects/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe(project.name);
    expect(read.body.role).toBe('viewer');
    const list = await admin.client.get<Page<Project>>(`/projects?teamId=${team.id}`);
    expect(list.body.items).toHaveLength(1);
  });

  it("answers a member of team B with a 404 on team A's project, byte-identical to a random id", async () => {
    const a = await env().factory.workspace();
    const b = await env().factory.workspace();
    const urls = (id: string) => [
      `/projects/${id}`,
      `/projects/${id}/goals`,
      `/projects/${id}/stage-history`,
    ];
    for (const [own, random] of urls(a.project.id).map(
      (u, i) => [u, urls(randomUUID())[i] ?? ''] as const,
    )) {
      const foreign = await b.admin.client.get(own);
      const missing = await b.admin.client.get(random);
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.raw.body).toBe(missing.raw.body);
      expect(foreign.raw.headers['content-type']).toBe(missing.raw.headers['content-type']);
      expect(foreign.raw.headers['content-length']).toBe(missing.raw.headers['content-length']);
    }
    const write = await b.admin.client.patch(`/projects/${a.project.id}`, { name: 'Mine now' });
    const writeMissing = await b.admin.client.patch(`/projects/${randomUUID()}`, {
      name: 'Mine now',
    });
    expect(write.status).toBe(404);
    expect(write.raw.body).toBe(writeMissing.raw.body);
    const unchanged = await a.admin.client.get<Project>(`/projects/${a.project.id}`);
    expect(unchanged.body.name).toBe(a.project.name);
    const teamProbe = await b.admin.client.get(`/teams/${a.team.id}/members`);
    const teamMissing = await b.admin.client.get(`/teams/${randomUUID()}/members`);
    expect(teamProbe.status).toBe(404);
    expect(teamProbe.raw.body).toBe(teamMissing.raw.body);
  });

  it("lists only the caller's teams' projects", async () => {
    const a = await env().factory.workspace();
    const b = await env().factory.workspace();
    const list = await b.admin.client.get<Page<Project>>('/projects?archived=all&limit=200');
    const ids = list.body.items.map((p) => p.id);
    expect(ids).toContain(b.project.id);
    expect(ids).not.toContain(a.project.id);
  });

  it('gives a CI token 403 on project routes it is not scoped for and 404 on another project', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const other = await env().factory.project(admin, team.id);
    const created = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'github-actions',
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sxt_[A-Za-z0-9_-]{43}$/);
    const ci = admin.client.withBearer(created.body.token);

    const me = await ci.get<{ kind: string; ciProjectId: string }>('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'ci', ciProjectId: project.id });

    for (const [method, url, body] of [
      ['GET', `/projects/${project.id}`, undefined],
      ['PATCH', `/projects/${project.id}`, { name: 'x' }],
      ['POST', `/projects/${project.id}/goals`, quantifiableGoal(env().clock.now())],
      ['POST', `/projects/${project.id}/stage`, { stage: 'dropped', note: 'x' }],
    ] as const) {
      const reply = await ci.request<ErrorBody>(method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(403);
      expect(reply.body.error.message).toBe(
        'A CI token may only post runs, deployments, feedback and goal measurements to its own project.',
      );
    }
    const elsewhere = await ci.get(`/projects/${other.id}`);
    const nowhere = await ci.get(`/projects/${randomUUID()}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.raw.body).toBe(nowhere.raw.body);
    for (const url of ['/projects', '/teams', '/tokens']) {
      expect((await ci.get(url)).status, url).toBe(403);
    }
  });

  it('lets the creator or a team admin revoke a CI token, and tells anyone else it does not exist', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const alice = await env().factory.member(team.id, admin, 'member');
    const bob = await env().factory.member(team.id, admin, 'member');
    const alices = await alice.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'gitlab',
    });
    const bobs = await bob.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'jenkins',
    });
    expect(alices.body.createdBy).toEqual({
      id: alice.user.id,
      name: alice.user.name,
      email: alice.user.email,
    });

    const byOther = await bob.client.delete<ErrorBody>(`/tokens/${alices.body.id}`);
    expect(byOther.status).toBe(404);
    expect((await alice.client.withBearer(alices.body.token).get('/me')).status).toBe(200);
    expect((await alice.client.delete(`/tokens/${alices.body.id}`)).status).toBe(204);
    expect((await admin.client.delete(`/tokens/${bobs.body.id}`)).status).toBe(204);
    const listed = await admin.client.get<{ items: Token[] }>(`/projects/${project.id}/ci-tokens`);
    expect(listed.body.items.map((t) => [t.name, t.createdBy.email, t.revokedAt !== null])).toEqual(
      [
        ['jenkins', bob.user.email, true],
        ['gitlab', alice.user.email, true],
      ],
    );
  });

  it('answers 401 to a revoked token and to an expired one', async () => {
    const { admin } = await env().factory.workspace();
    const now = env().clock.now();
    const revocable = await admin.client.post<CreatedToken>('/tokens', { name: 'laptop' });
    const expiring = await admin.client.post<CreatedToken>('/tokens', {
      name: 'short-lived',
      expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
    });
    const asRevocable = admin.client.withBearer(revocable.body.token);
    const asExpiring = admin.client.withBearer(expiring.body.token);
    expect((await asRevocable.get('/teams')).status).toBe(200);
    expect((await asExpiring.get('/teams')).status).toBe(200);

    expect((await admin.client.delete(`/tokens/${revocable.body.id}`)).status).toBe(204);
    const revoked = await asRevocable.get<ErrorBody>('/teams');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatchObject({
      code: 'invalid_token',
      message: 'This token has been revoked.',
    });

    env().clock.advance(3600_000 + 1);
    const expired = await asExpiring.get<ErrorBody>('/teams');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('This token has expired.');

    const garbage = await admin.client
      .withBearer('sxt_not-a-real-token-at-all-123456')
      .get<ErrorBody>('/teams');
    expect(garbage.status).toBe(401);
  });

  it('answers 401 to anonymous callers and lets anyone read health', async () => {
    const anonymous = env().factory.client();
    expect((await anonymous.get('/projects')).status).toBe(401);
    expect((await anonymous.get('/me')).status).toBe(401);
    expect((await anonymous.post('/teams', { name: 'x' })).status).toBe(401);
    expect((await anonymous.get('/health')).status).toBe(200);
  });

  it('records denials in the audit log, visible to a workspace admin only', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    await viewer.client.patch(`/projects/${project.id}`, { name: 'nope' });
    const log = await root.client.get<Page<AuditEvent>>('/audit?action=access.denied&limit=200');
    expect(log.status).toBe(200);
    const mine = log.body.items.find((e) => e.actorUserId === viewer.user.id);
    expect(mine).toMatchObject({ action: 'access.denied', teamId: team.id, targetId: project.id });
    expect(mine?.details).toMatchObject({ reason: 'role', status: 403 });
    expect((await viewer.client.get('/audit')).status).toBe(403);
  });
});
