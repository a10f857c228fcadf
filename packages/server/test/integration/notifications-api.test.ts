import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type {
  AuditEvent,
  Endpoint,
  EndpointDelivery,
  EndpointWithSecret,
  ErrorBody,
  Page,
  Subscriber,
  Subscription,
  UnsubscribeView,
} from '@sextant/core';
import { buildApp } from '@sextant/server';
import { TestClient } from '../support/client.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';

const fields = (body: ErrorBody) =>
  ((body.error.details.fields ?? []) as { field: string; message: string }[]).map((f) => f.field);

const webhook = (url: string, extra: Record<string, unknown> = {}) => ({
  kind: 'webhook',
  name: 'Ops receiver',
  url,
  events: ['alert.opened', 'stage.changed'],
  ...extra,
});

/** The same person, signed in, talking to another app over the same database. */
function on(app: FastifyInstance, person: SignedIn): TestClient {
  const client = new TestClient(app);
  client.setCookie('sextant_session', person.client.sessionCookie ?? '');
  client.setCookie('sextant_csrf', person.client.csrfToken ?? '');
  return client;
}

async function jobsFor(env: TestEnv, deliveryId: string): Promise<number> {
  const like = `%${deliveryId}%`;
  if (env.kind === 'sqlite') {
    const rows = await env.connection.db
      .selectFrom('job_queue')
      .select('id')
      .where('task', '=', 'notify.deliver')
      .where('payload', 'like', like)
      .execute();
    return rows.length;
  }
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'notify.deliver' and j.payload::text like ${like}`.execute(
    env.connection.db,
  );
  return Number(rows[0]?.n ?? 0);
}

describeEachDatabase('notifications API', (env) => {
  let privateApp: FastifyInstance;

  beforeAll(async () => {
    // A second app over the same database that lets webhooks reach 127.0.0.1 (the setting).
    ({ app: privateApp } = await buildApp({
      connection: env().connection,
      clock: env().clock,
      allowPrivateWebhooks: true,
    }));
  });
  afterAll(async () => {
    await privateApp.close();
  });

  it('creates, reads, changes and deletes an endpoint; the secret is shown once, on creation and rotation', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const base = `/projects/${project.id}/endpoints`;
    const client = on(privateApp, admin);

    const created = await client.post<EndpointWithSecret>(base, webhook('http://127.0.0.1:9/hook'));
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      projectId: project.id,
      projectName: project.name,
      kind: 'webhook',
      name: 'Ops receiver',
      events: ['alert.opened', 'stage.changed'],
      enabled: true,
    });

    const listed = await client.get<{ items: Endpoint[] }>(base);
    expect(listed.body.items.map((e) => e.id)).toEqual([created.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const one = await client.get<Endpoint>(`${base}/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('secret');

    const renamed = await client.patch<Endpoint>(`${base}/${created.body.id}`, {
      name: 'Pager',
      events: [],
      enabled: false,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Pager', events: [], enabled: false });
    expect(renamed.body.disabledAt).not.toBeNull();
    const enabled = await client.patch<Endpoint>(`${base}/${created.body.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledAt: null });

    const rotated = await client.post<EndpointWithSecret>(
      `${base}/${created.body.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    const audit = await admin.client.get<Page<AuditEvent>>(
      `/teams/${team.id}/audit?project=${project.id}&limit=200`,
    );
    const actions = audit.body.items.map((e) => e.action);
    for (const action of [
      'notification_endpoint.created',
      'notification_endpoint.updated',
      'notification_endpoint.secret_rotated',
    ]) {
      expect(actions).toContain(action);
    }
    expect(JSON.stringify(audit.body)).not.toContain(rotated.body.secret);

    expect((await client.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await client.get(`${base}/${created.body.id}`)).status).toBe(404);
    expect((await client.get<{ items: Endpoint[] }>(base)).body.items).toEqual([]);
    const after = await admin.client.get<Page<AuditEvent>>(
      `/teams/${team.id}/audit?project=${project.id}&limit=200`,
    );
    expect(after.body.items.map((e) => e.action)).toContain('notification_endpoint.deleted');
  });

  it('refuses loopback, private and link-local destinations with a 400 naming url, unless allowed', async () => {
    const { admin, project } = await env().factory.workspace();
    const base = `/projects/${project.id}/endpoints`;
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'http://localhost:8080/hook',
    ]) {
      const refused = await admin.client.post<ErrorBody>(base, webhook(url));
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
      expect(fields(refused.body), url).toEqual(['url']);
      expect(refused.body.error.message).toContain('url');
    }
    const notHttp = await admin.client.post<ErrorBody>(base, webhook('ftp://example.com/x'));
    expect(notHttp.status).toBe(400);
    expect(fields(notHttp.body)).toEqual(['url']);
    expect((await admin.client.get<{ items: Endpoint[] }>(base)).body.items).toEqual([]);

    // A change of address is checked the same way.
    const allowed = await on(privateApp, admin).post<Endpoint>(
      base,
      webhook('http://localhost:8080/hook'),
    );
    expect(allowed.status).toBe(201);
    const moved = await admin.client.patch<ErrorBody>(`${base}/${allowed.body.id}`, {
      url: 'http://10.0.0.1/hook',
    });
    expect(moved.status).toBe(400);
    expect(fields(moved.body)).toEqual(['url']);
    const unchanged = await admin.client.get<Endpoint>(`${base}/${allowed.body.id}`);
    expect(unchanged.body.url).toBe('http://localhost:8080/hook');
  });

  it('checks the body: kind, events, the weekly digest only for Slack, unknown fields', async () => {
    const { admin, project } = await env().factory.workspace();
    const client = on(privateApp, admin);
    const base = `/projects/${project.id}/endpoints`;
    const cases: [Record<string, unknown>, string][] = [
      [webhook('http://127.0.0.1/x', { kind: 'email' }), 'kind'],
      [webhook('http://127.0.0.1/x', { events: ['nope'] }), 'events[0]'],
      [webhook('http://127.0.0.1/x', { events: ['digest.weekly'] }), 'events'],
      [webhook('http://127.0.0.1/x', { secret: 'mine' }), 'secret'],
      [webhook(`http://127.0.0.1/${'x'.repeat(2001)}`), 'url'],
    ];
    for (const [body, field] of cases) {
      const reply = await client.post<ErrorBody>(base, body);
      expect(reply.status, field).toBe(400);
      expect(fields(reply.body), field).toContain(field);
    }
    const slack = await client.post<Endpoint>(base, {
      kind: 'slack',
      name: 'Sponsors channel',
      url: 'http://127.0.0.1/slack',
      events: ['digest.weekly', 'sprint.closed'],
    });
    expect(slack.status).toBe(201);
    expect(slack.body.events).toEqual(['digest.weekly', 'sprint.closed']);
  });

  it("answers 404 for another team's endpoint and for an endpoint under the wrong project", async () => {
    const { admin, team, project } = await env().factory.workspace();
    const other = await env().factory.project(admin, team.id);
    const outsider = await env().factory.workspace();
    const created = await on(privateApp, admin).post<Endpoint>(
      `/projects/${project.id}/endpoints`,
      webhook('http://127.0.0.1/x'),
    );
    const path = `/projects/${project.id}/endpoints/${created.body.id}`;
    const wrongProject = `/projects/${other.id}/endpoints/${created.body.id}`;
    expect((await admin.client.get(wrongProject)).status).toBe(404);
    expect((await admin.client.patch(wrongProject, { name: 'x' })).status).toBe(404);
    expect((await admin.client.delete(wrongProject)).status).toBe(404);
    expect((await admin.client.get(`${wrongProject}/deliveries`)).status).toBe(404);

    const foreign = outsider.admin.client;
    const missing = await foreign.get<ErrorBody>(`/projects/${project.id}/endpoints/nope`);
    const theirs = await foreign.get<ErrorBody>(path);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect((await foreign.delete(path)).status).toBe(404);
    // Under their own project, our endpoint is unknown too.
    const underTheirs = `/projects/${outsider.project.id}/endpoints/${created.body.id}`;
    expect((await foreign.get(underTheirs)).status).toBe(404);
    expect((await foreign.post(`${underTheirs}/rotate-secret`)).status).toBe(404);
    expect((await admin.client.get(path)).status).toBe(200);
  });

  it('lets members read endpoints, and only admins write them', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const member = await env().factory.member(team.id, admin, 'member');
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const base = `/projects/${project.id}/endpoints`;
    const created = await on(privateApp, admin).post<Endpoint>(base, webhook('http://127.0.0.1/x'));
    expect((await on(privateApp, viewer).post(base, webhook('http://127.0.0.1/y'))).status).toBe(
      403,
    );
    expect((await on(privateApp, member).post(base, webhook('http://127.0.0.1/y'))).status).toBe(
      403,
    );
    expect((await viewer.client.get(base)).status).toBe(403);
    const read = await member.client.get<{ items: Endpoint[] }>(base);
    expect(read.status).toBe(200);
    expect(read.body.items.map((e) => e.id)).toEqual([created.body.id]);
    // An incoming-webhook URL is a credential: members who cannot change it see its host.
    expect(read.body.items[0]?.url).toBe('http://127.0.0.1/…');
    const one = await member.client.get<Endpoint>(`${base}/${created.body.id}`);
    expect(one.body.url).toBe('http://127.0.0.1/…');
    const own = await admin.client.get<Endpoint>(`${base}/${created.body.id}`);
    expect(own.body.url).toBe('http://127.0.0.1/x');
    expect((await member.client.patch(`${base}/${created.body.id}`, { name: 'x' })).status).toBe(
      403,
    );
    expect((await member.client.post(`${base}/${created.body.id}/rotate-secret`)).status).toBe(403);
  });

  it('lists deliveries newest first, page by page, and sends one again (same event, pending, one send waiting)', async () => {
    const { admin, project } = await env().factory.workspace();
    const base = `/projects/${project.id}/endpoints`;
    const created = await on(privateApp, admin).post<Endpoint>(base, webhook('http://127.0.0.1/x'));
    const log = `${base}/${created.body.id}/deliveries`;
    expect((await admin.client.get<Page<EndpointDelivery>>(log)).body).toEqual({
      items: [],
      nextCursor: null,
    });

    const sent: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const test = await admin.client.post<EndpointDelivery>(`${base}/${created.body.id}/test`);
      expect(test.status).toBe(202);
      expect(test.body).toMatchObject({ status: 'pending', attempts: 0, eventType: 'ping' });
      sent.push(test.body.id);
    }
    // The test event says who sent it, by name (what the receiving channel shows).
    const ping = await env().store.repos.notificationEvents.find(
      (await env().store.repos.notificationDeliveries.findById(sent[0]!))!.eventId!,
    );
    expect(ping!.facts).toContainEqual({
      label: 'Sent by',
      value: `${admin.user.name} (${admin.user.email})`,
    });
    const first = await admin.client.get<Page<EndpointDelivery>>(`${log}?limit=2`);
    expect(first.body.items.map((d) => d.id)).toEqual([sent[4], sent[3]]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await admin.client.get<Page<EndpointDelivery>>(
      `${log}?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((d) => d.id)).toEqual([sent[2], sent[1]]);
    const third = await admin.client.get<Page<EndpointDelivery>>(
      `${log}?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body).toEqual({
      items: [expect.objectContaining({ id: sent[0] })],
      nextCursor: null,
    });

    // As if the sender had given up on it.
    const target = sent[0] ?? '';
    await env()
      .connection.db.updateTable('notification_deliveries')
      .set({
        status: 'failed',
        attempts: 7,
        last_status_code: 500,
        completed_at: '2026-01-01T00:00:00.000Z',
      })
      .where('id', '=', target)
      .execute();
    const resent = await admin.client.post<EndpointDelivery>(
      `${base}/${created.body.id}/deliveries/${target}/resend`,
    );
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({
      id: target,
      eventId: third.body.items[0]?.eventId,
      status: 'pending',
      completedAt: null,
    });
    // One send of it waits, whether or not an earlier one was still waiting (it is replaced).
    expect(await jobsFor(env(), target)).toBe(1);
    expect(
      (await admin.client.post(`${base}/${created.body.id}/deliveries/nope/resend`)).status,
    ).toBe(404);
  });

  it('shows workspace admins every endpoint; others may not list them', async () => {
    const { admin, project } = await env().factory.workspace();
    const boss = await env().factory.user({ isAdmin: true });
    const projectHook = await on(privateApp, admin).post<Endpoint>(
      `/projects/${project.id}/endpoints`,
      webhook('http://127.0.0.1/project'),
    );
    const workspaceHook = await on(privateApp, boss).post<EndpointWithSecret>(
      '/workspace/endpoints',
      { kind: 'teams', name: 'Everyone', url: 'http://127.0.0.1/teams' },
    );
    expect(workspaceHook.status).toBe(201);
    expect(workspaceHook.body).toMatchObject({ projectId: null, kind: 'teams', events: [] });
    expect(workspaceHook.body.secret).toMatch(/^whsec_/);

    const own = await boss.client.get<{ items: Endpoint[] }>('/workspace/endpoints');
    expect(own.body.items.map((e) => e.id)).toContain(workspaceHook.body.id);
    expect(own.body.items.map((e) => e.id)).not.toContain(projectHook.body.id);
    const all = await boss.client.get<{ items: Endpoint[] }>('/workspace/endpoints?scope=all');
    const mine = all.body.items.find((e) => e.id === projectHook.body.id);
    expect(mine).toMatchObject({ projectId: project.id, projectName: project.name });
    expect(all.body.items.map((e) => e.id)).toContain(workspaceHook.body.id);

    expect(
      (await boss.client.get(`/workspace/endpoints/${projectHook.body.id}/deliveries`)).status,
    ).toBe(200);
    expect((await admin.client.get('/workspace/endpoints?scope=all')).status).toBe(403);
    expect((await admin.client.post('/workspace/endpoints', webhook('http://x.test'))).status).toBe(
      403,
    );
    expect((await boss.client.delete(`/workspace/endpoints/${workspaceHook.body.id}`)).status).toBe(
      204,
    );
  });

  it("keeps each person's email settings per project: defaults off, 404 for a project they cannot read", async () => {
    const { admin, team, project } = await env().factory.workspace();
    const second = await env().factory.project(admin, team.id);
    const member = await env().factory.member(team.id, admin, 'member');
    const outsider = await env().factory.workspace();

    const mine = await member.client.get<{ items: Subscription[] }>('/me/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((s) => s.projectId).sort()).toEqual([project.id, second.id].sort());
    for (const s of mine.body.items) {
      expect(s).toMatchObject({ mode: 'off', events: [], weeklyDigest: false });
    }

    const saved = await member.client.put<Subscription>(`/me/notifications/${project.id}`, {
      mode: 'daily',
      events: ['alert.opened'],
      weeklyDigest: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      projectId: project.id,
      projectName: project.name,
      mode: 'daily',
      events: ['alert.opened'],
      weeklyDigest: true,
    });
    const again = await member.client.get<{ items: Subscription[] }>('/me/notifications');
    expect(again.body.items.find((s) => s.projectId === project.id)).toEqual(saved.body);

    const bad = await member.client.put<ErrorBody>(`/me/notifications/${project.id}`, {
      mode: 'hourly',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toContain('mode');
    const foreign = await outsider.admin.client.put<ErrorBody>(`/me/notifications/${project.id}`, {
      mode: 'instant',
    });
    expect(foreign.status).toBe(404);
    expect((await member.client.put('/me/notifications/nope', { mode: 'instant' })).status).toBe(
      404,
    );

    const subscribers = await admin.client.get<{ items: Subscriber[] }>(
      `/projects/${project.id}/subscribers`,
    );
    expect(subscribers.body.items).toEqual([
      {
        user: { id: member.user.id, name: member.user.name, email: member.user.email },
        mode: 'daily',
        events: ['alert.opened'],
        weeklyDigest: true,
      },
    ]);
    expect((await outsider.admin.client.get(`/projects/${project.id}/subscribers`)).status).toBe(
      404,
    );
  });

  it('unsubscribes in one click (RFC 8058 form body), once per link; unknown links are 404', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const second = await env().factory.project(admin, team.id);
    const member = await env().factory.member(team.id, admin, 'member');
    for (const p of [project, second]) {
      await member.client.put(`/me/notifications/${p.id}`, { mode: 'instant', weeklyDigest: true });
    }
    const token = randomBytes(32).toString('base64url');
    const everything = randomBytes(32).toString('base64url');
    const hash = (t: string) => createHash('sha256').update(t).digest('hex');
    const now = env().clock.now().toISOString();
    const weekly = randomBytes(32).toString('base64url');
    const links = [
      [token, project.id, 'events'],
      [everything, null, 'events'],
      [weekly, second.id, 'weekly'],
    ] as const;
    for (const [t, projectId, kind] of links) {
      await env().store.repos.notificationUnsubscribes.insert({
        tokenHash: hash(t),
        userId: member.user.id,
        projectId,
        kind,
        now,
      });
    }

    const anyone = env().factory.client();
    const view = await anyone.get<UnsubscribeView>(`/unsubscribe/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      email: member.user.email,
      kind: 'events',
      project: { id: project.id, name: project.name },
      usedAt: null,
    });

    const clicked = await anyone.request<UnsubscribeView>(
      'POST',
      `/unsubscribe/${token}`,
      undefined,
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        rawBody: 'List-Unsubscribe=One-Click',
      },
    );
    expect(clicked.status).toBe(200);
    expect(clicked.body.usedAt).not.toBeNull();
    const settings = await member.client.get<{ items: Subscription[] }>('/me/notifications');
    const byProject = new Map(settings.body.items.map((s) => [s.projectId, s]));
    // The project's emails stop; its weekly digest has a link of its own.
    expect(byProject.get(project.id)).toMatchObject({ mode: 'off', weeklyDigest: true });
    expect(byProject.get(second.id)).toMatchObject({ mode: 'instant', weeklyDigest: true });

    const digest = await anyone.post<UnsubscribeView>(`/unsubscribe/${weekly}`);
    expect(digest.body).toMatchObject({ kind: 'weekly', project: { id: second.id } });
    const afterDigest = await member.client.get<{ items: Subscription[] }>('/me/notifications');
    expect(afterDigest.body.items.find((s) => s.projectId === second.id)).toMatchObject({
      mode: 'instant',
      weeklyDigest: false,
    });

    // Twice changes nothing more; a JSON post (the web page's button) works the same.
    expect((await anyone.post(`/unsubscribe/${token}`, {})).status).toBe(200);
    expect((await anyone.post(`/unsubscribe/${everything}`)).status).toBe(200);
    const none = await member.client.get<{ items: Subscription[] }>('/me/notifications');
    for (const s of none.body.items) expect(s).toMatchObject({ mode: 'off' });

    expect((await anyone.get('/unsubscribe/not-a-real-link')).status).toBe(404);
    expect((await anyone.post('/unsubscribe/not-a-real-link')).status).toBe(404);
  });
});
