import { expect, it } from 'vitest';
import type {
  AuditEvent,
  Goal,
  CreatedSponsorLink,
  ErrorBody,
  Page,
  SponsorLink,
  SponsorView,
} from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal, type SignedIn } from '../support/factory.js';
import { closeSprint, createSprint, startSprint } from '../support/sprints.js';

const DAY_MS = 24 * 3600 * 1000;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, unknown>>>;
}

/** The GET routes open to anyone, and what they answer the sponsor's browser. */
const PUBLIC_GETS: Record<string, number> = {
  '/health': 200,
  '/invitations/{token}': 404,
  '/unsubscribe/{token}': 404,
};

const fields = (body: ErrorBody) =>
  ((body.error.details.fields ?? []) as { field: string }[]).map((f) => f.field);

/** A project with a goal, a criterion, a closed sprint with its decision, a ledger and risks. */
async function sponsoredProject(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace({
    currentMetric: { name: 'Planners’ list hit rate@10', value: 0.8 },
  });
  const url = `/projects/${project.id}`;
  const goal = await admin.client.post<Goal>(`${url}/goals`, quantifiableGoal(env.clock.now()));
  expect(goal.status).toBe(201);
  const midway = (goal.body.baseline + goal.body.target) / 2;
  expect(
    (
      await admin.client.post(`/goals/${goal.body.id}/measurements`, {
        value: midway,
        measuredAt: env.clock.now().toISOString(),
        source: 'Maintenance report',
      })
    ).status,
  ).toBe(201);
  expect((await admin.client.put(`${url}/success-criterion`, HIT_RATE_CRITERION)).status).toBe(200);
  const s1 = await createSprint(admin.client, project.id, '2026-04-06', '2026-04-17', 'Sprint 1');
  expect(
    (
      await admin.client.post(`${url}/runs`, {
        metrics: { hit_rate_at_10: 0.6 },
        commit: 'abc1234',
      })
    ).status,
  ).toBe(201);
  await startSprint(admin.client, s1.id);
  await closeSprint(admin.client, s1.id);
  expect(
    (
      await admin.client.post(`/sprints/${s1.id}/decision`, {
        decision: 'continue',
        rationale: 'One more sprint on features.',
      })
    ).status,
  ).toBe(201);
  for (const entry of [
    { kind: 'cost', category: 'infrastructure', amount: 1000, date: '2026-04-10' },
    { kind: 'return', category: 'savings', amount: 400, date: '2026-04-20' },
  ]) {
    expect(
      (await admin.client.post(`${url}/ledger`, { currency: 'EUR', status: 'realized', ...entry }))
        .status,
    ).toBe(201);
  }
  for (const [description, status] of [
    ['Planners lose their morning routine', 'open'],
    ['Old sensors are replaced', 'closed'],
  ] as const) {
    expect(
      (
        await admin.client.post(`${url}/risks`, {
          description,
          likelihood: 'medium',
          impact: 'high',
          status,
        })
      ).status,
    ).toBe(201);
  }
  return { admin, team, project, sprint: s1 };
}

describeEachDatabase('sponsor links', (env) => {
  async function makeLink(admin: SignedIn, projectId: string, body: object = { name: 'CFO' }) {
    const reply = await admin.client.post<CreatedSponsorLink>(
      `/projects/${projectId}/sponsor-links`,
      body,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  it('makes a link valid 30 days by default, shown once, listed without its secret, stored hashed', async () => {
    const { admin, project } = await env().factory.workspace();
    const created = await makeLink(admin, project.id, { name: 'Anna (sponsor)' });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/sponsor/${created.token}`);
    expect(created.createdAt).toBe(env().clock.now().toISOString());
    expect(new Date(created.expiresAt).getTime() - env().clock.now().getTime()).toBe(30 * DAY_MS);
    expect(created.createdBy?.id).toBe(admin.user.id);

    const max = await makeLink(admin, project.id, { name: 'Board', expiresInDays: 365 });
    expect(new Date(max.expiresAt).getTime() - env().clock.now().getTime()).toBe(365 * DAY_MS);
    const beyond = await admin.client.post<ErrorBody>(`/projects/${project.id}/sponsor-links`, {
      name: 'Too long',
      expiresInDays: 366,
    });
    expect(beyond.status).toBe(400);
    expect(fields(beyond.body)).toContain('expiresInDays');
    const noName = await admin.client.post<ErrorBody>(`/projects/${project.id}/sponsor-links`, {});
    expect(noName.status).toBe(400);
    expect(fields(noName.body)).toContain('name');

    const list = await admin.client.get<{ items: SponsorLink[] }>(
      `/projects/${project.id}/sponsor-links`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((l) => l.name).sort()).toEqual(['Anna (sponsor)', 'Board']);
    expect(list.body.items[0]).toMatchObject({ revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    expect(JSON.stringify(list.body)).not.toContain('token');

    const rows = await env().connection.db.selectFrom('sponsor_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const audit = JSON.stringify(
      await env().connection.db.selectFrom('audit_events').selectAll().execute(),
    );
    expect(audit).not.toContain(created.token);
    expect(audit).toContain('sponsor_link.created');
  });

  it('is for project admins only: members and viewers 403, another team 404 like a missing project', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const member = await env().factory.member(team.id, admin, 'member');
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const link = await makeLink(admin, project.id);
    const base = `/projects/${project.id}/sponsor-links`;
    for (const who of [member, viewer]) {
      expect((await who.client.get(base)).status).toBe(403);
      expect((await who.client.post(base, { name: 'x' })).status).toBe(403);
      expect((await who.client.delete(`${base}/${link.id}`)).status).toBe(403);
    }
    const other = await env().factory.workspace();
    const foreign = await other.admin.client.get(base);
    const missing = await other.admin.client.get(
      '/projects/00000000-0000-4000-8000-000000000000/sponsor-links',
    );
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
    expect((await other.admin.client.post(base, { name: 'x' })).status).toBe(404);
    expect((await other.admin.client.delete(`${base}/${link.id}`)).status).toBe(404);
  });

  it('opens the read-only view of that project: goal, latest review, ROI, open risks; audited', async () => {
    const { admin, project, sprint } = await sponsoredProject(env());
    const link = await makeLink(admin, project.id, { name: 'Anna (sponsor)' });
    const sponsor = env().factory.client();
    const reply = await sponsor.get<SponsorView>(`/sponsor-view/${link.token}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const view = reply.body;
    expect(view.project).toMatchObject({ id: project.id, name: project.name });
    expect(view.linkName).toBe('Anna (sponsor)');
    expect(view.goals).toHaveLength(1);
    // The goal's progress as the goals service computes it: halfway from baseline to target.
    expect(view.goals[0]?.progress.progress).toBeCloseTo(0.5);
    expect(view.goals[0]?.progress.latest).not.toBeNull();
    expect(view.review?.sprint.id).toBe(sprint.id);
    expect(view.review?.decision?.decision).toBe('continue');
    expect(view.review?.points.length).toBeGreaterThan(0);
    expect(view.roi).toMatchObject({ currency: 'EUR', costs: 1000, realizedReturns: 400 });
    expect(view.risks.map((r) => r.description)).toEqual(['Planners lose their morning routine']);
    expect(view.reportPath).toBe(`/sponsor-view/${link.token}/report.pdf`);
    // The same review the team reads.
    const own = await admin.client.get(`/sprints/${sprint.id}/review`);
    expect(view.review).toEqual(own.body);

    env().clock.advance(60_000);
    const used = env().clock.now().toISOString();
    const pdf = await sponsor.get(`/sponsor-view/${link.token}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const list = await admin.client.get<{ items: SponsorLink[] }>(
      `/projects/${project.id}/sponsor-links`,
    );
    expect(list.body.items[0]?.lastUsedAt).toBe(used);
    const audit = await env()
      .connection.db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'sponsor_link.used')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.project_id === project.id)).toBe(true);
    expect(audit.every((a) => JSON.stringify(a).includes('Anna (sponsor)'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(link.token);
    const log = await admin.client.get<Page<AuditEvent>>(`/audit?projectId=${project.id}`);
    if (log.status === 200) {
      expect(log.body.items.map((e) => e.action)).toContain('sponsor_link.used');
    }
  });

  it('answers revoked, expired and unknown links with byte-identical 404s', async () => {
    const { admin, project } = await env().factory.workspace();
    const sponsor = env().factory.client();
    const unknown = await sponsor.get(`/sponsor-view/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    const unknownPdf = await sponsor.get(`/sponsor-view/${'x'.repeat(43)}/report.pdf`);

    const revoked = await makeLink(admin, project.id, { name: 'Revoked' });
    expect((await sponsor.get(`/sponsor-view/${revoked.token}`)).status).toBe(200);
    const del = await admin.client.delete(`/projects/${project.id}/sponsor-links/${revoked.id}`);
    expect(del.status).toBe(204);
    const afterRevoke = await sponsor.get(`/sponsor-view/${revoked.token}`);
    expect(afterRevoke.status).toBe(404);
    expect(afterRevoke.raw.body).toBe(unknown.raw.body);
    const pdf = await sponsor.get(`/sponsor-view/${revoked.token}/report.pdf`);
    expect(pdf.raw.body).toBe(unknownPdf.raw.body);
    const list = await admin.client.get<{ items: SponsorLink[] }>(
      `/projects/${project.id}/sponsor-links`,
    );
    expect(list.body.items[0]?.revokedAt).not.toBeNull();

    const expiring = await makeLink(admin, project.id, { name: 'Expiring' });
    env().clock.advance(30 * DAY_MS);
    expect((await sponsor.get(`/sponsor-view/${expiring.token}`)).status).toBe(200);
    env().clock.advance(1000);
    const expired = await sponsor.get(`/sponsor-view/${expiring.token}`);
    expect(expired.status).toBe(404);
    expect(expired.raw.body).toBe(unknown.raw.body);
  });

  it('grants nothing else: every other GET route of the API answers the sponsor as anonymous (401)', async () => {
    const { admin, project } = await env().factory.workspace();
    const link = await makeLink(admin, project.id);
    const doc = await admin.client.get<OpenApiDocument>('/openapi.json');
    expect(doc.status).toBe(200);
    // What the sponsor's browser could carry: the secret in its address (the referer), and
    // the secret tried as a session cookie or as a bearer; none of them is a credential.
    const referer = `http://localhost/sponsor/${link.token}`;
    const asCookie = env().factory.client();
    asCookie.setCookie('sextant_session', link.token);
    const variants: { client: TestClient; headers: Record<string, string> }[] = [
      { client: env().factory.client(), headers: { referer } },
      { client: asCookie, headers: { referer } },
      {
        client: env().factory.client(),
        headers: { referer, authorization: `Bearer ${link.token}` },
      },
    ];
    let tried = 0;
    for (const [documented, operations] of Object.entries(doc.body.paths)) {
      if (!operations.get) continue;
      // The files served outside the API (the client at /cli/…) are public downloads, the same
      // for anyone (client-files.test.ts); this walks the API.
      if (!documented.startsWith('/api/v1/')) continue;
      const path = documented.replace(/^\/api\/v1/, '');
      if (path.startsWith('/sponsor-view/')) continue;
      const url = path
        .replace('{id}', project.id)
        .replace('{token}', link.token)
        .replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const { client, headers } of variants) {
        const reply = await client.request('GET', url, undefined, { headers });
        tried += 1;
        const expected = PUBLIC_GETS[path];
        if (expected && !headers.authorization) {
          // A public route answers the sponsor as it answers anyone (no invitation: 404).
          expect(reply.status, `GET ${path}`).toBe(expected);
        } else {
          expect(reply.status, `GET ${path}`).toBe(401);
        }
      }
    }
    expect(tried).toBeGreaterThan(40);
  });

  it('throttles guessing like passwords: too many unknown links from one address → 429', async () => {
    const { admin, project } = await env().factory.workspace();
    const link = await makeLink(admin, project.id);
    const guesser = env().factory.client();
    let reply = await guesser.get(`/sponsor-view/${'g'.repeat(43)}`);
    for (let i = 0; i < 60 && reply.status === 404; i += 1) {
      reply = await guesser.get(`/sponsor-view/${'g'.repeat(42)}${i % 10}`);
    }
    expect(reply.status).toBe(429);
    expect(reply.raw.headers['retry-after']).toBeDefined();
    // Even the right link waits: a guesser cannot tell a hit from a miss meanwhile.
    expect((await guesser.get(`/sponsor-view/${link.token}`)).status).toBe(429);
    // The window passes (later tests are not throttled).
    env().clock.advance(16 * 60 * 1000);
    expect((await guesser.get(`/sponsor-view/${link.token}`)).status).toBe(200);
  });
});
