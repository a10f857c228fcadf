import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { CreatedToken, TeamRole } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';
import { projectWorld } from '../support/project-world.js';
import { deliverable } from '../support/sprints.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

interface RouteCase {
  method: Method;
  /** `:project`, `:sprint`, `:story`, `:backlog`, `:run`, `:insight` and `:goal` are replaced by ids. */
  path: string;
  body?: unknown;
  /** Sent as a text/csv body instead of JSON. */
  csv?: string;
  /** A CI token of the project may call it (runs); every other route refuses CI tokens. */
  ci?: boolean;
  /** What the CI token's call answers, when not 201 (feedback upserts answer 200). */
  ciStatus?: number;
  /** The least role that may call it. */
  role: LadderRole;
}

const SMALL_JIRA_EXPORT =
  'Issue key,Summary,Status,Sprint,Created\nPDM-1,Label past failures,Done,PDM Sprint 1,26/Feb/24 9:12 AM\n';

/** Every route issue 3 added, and the improvement backlog's, with the role it needs. */
const ROUTES: RouteCase[] = [
  {
    method: 'POST',
    path: '/projects/:project/sprints',
    body: { startDate: '2027-01-04', endDate: '2027-01-15' },
    role: 'member',
  },
  { method: 'GET', path: '/projects/:project/sprints', role: 'viewer' },
  { method: 'GET', path: '/projects/:project/delivery', role: 'viewer' },
  { method: 'GET', path: '/sprints/:sprint', role: 'viewer' },
  { method: 'PATCH', path: '/sprints/:sprint', body: { goal: 'x' }, role: 'member' },
  { method: 'POST', path: '/sprints/:sprint/start', role: 'member' },
  { method: 'POST', path: '/sprints/:sprint/close', body: {}, role: 'member' },
  {
    method: 'POST',
    path: '/sprints/:sprint/stories',
    body: { title: 't', deliverable: deliverable() },
    role: 'member',
  },
  { method: 'GET', path: '/sprints/:sprint/stories', role: 'viewer' },
  { method: 'PATCH', path: '/stories/:story', body: { title: 'y' }, role: 'member' },
  { method: 'DELETE', path: '/stories/:story', role: 'member' },
  {
    method: 'POST',
    path: '/stories/:story/corrections',
    body: { outcome: 'delivered', reason: 'r' },
    role: 'admin',
  },
  {
    method: 'POST',
    path: '/projects/:project/imports/jira',
    csv: SMALL_JIRA_EXPORT,
    role: 'member',
  },
  { method: 'GET', path: '/projects/:project/backlog', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/backlog',
    body: { observation: 'o', proposedChange: 'c', effort: { size: 'S' }, expectedImpact: 'i' },
    role: 'member',
  },
  { method: 'PATCH', path: '/backlog/:backlog', body: { status: 'planned' }, role: 'member' },
  { method: 'DELETE', path: '/backlog/:backlog', role: 'member' },
  {
    method: 'POST',
    path: '/projects/:project/runs',
    body: { metrics: { auc: 0.7 }, commit: 'abc1234' },
    role: 'member',
    ci: true,
  },
  {
    method: 'POST',
    path: '/projects/:project/runs/batch',
    body: { runs: [{ metrics: { auc: 0.7 }, commit: 'abc1234' }] },
    role: 'member',
    ci: true,
  },
  { method: 'GET', path: '/projects/:project/runs', role: 'viewer' },
  { method: 'GET', path: '/runs/:run', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/deployments',
    body: {
      version: '1.0.0',
      environment: 'production',
      status: 'succeeded',
      finishedAt: '2026-11-20T10:00:00Z',
    },
    role: 'member',
    ci: true,
  },
  { method: 'GET', path: '/projects/:project/deployments', role: 'viewer' },
  { method: 'GET', path: '/projects/:project/deployments/kpis', role: 'viewer' },
  { method: 'GET', path: '/sprints/:sprint/review', role: 'viewer' },
  { method: 'GET', path: '/sprints/:sprint/report.html', role: 'viewer' },
  { method: 'GET', path: '/sprints/:sprint/report.md', role: 'viewer' },
  { method: 'GET', path: '/sprints/:sprint/report.pdf', role: 'viewer' },
  {
    method: 'POST',
    path: '/sprints/:sprint/decision',
    body: { decision: 'continue', rationale: 'Keep going' },
    role: 'member',
  },
  { method: 'GET', path: '/projects/:project/insights', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/insights',
    body: { title: 'Visit the top 10 pumps', businessArea: 'operations' },
    role: 'member',
  },
  {
    method: 'PATCH',
    path: '/insights/:insight',
    body: { title: 'Visit the top 12' },
    role: 'member',
  },
  { method: 'GET', path: '/projects/:project/ledger', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/ledger',
    body: {
      kind: 'cost',
      category: 'infrastructure',
      amount: 120.5,
      currency: 'EUR',
      status: 'realized',
      date: '2026-01-31',
    },
    role: 'member',
  },
  { method: 'GET', path: '/projects/:project/roi', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/feedback/predictions',
    body: { items: [{ entity: 'A', period: '2026-11-02', modelVersion: 'v1', score: 0.5 }] },
    role: 'member',
    ci: true,
    ciStatus: 200,
  },
  {
    method: 'POST',
    path: '/projects/:project/feedback/decisions',
    csv: 'entity,period,acted,reason\nA,2026-11-02,0,busy\n',
    role: 'member',
    ci: true,
    ciStatus: 200,
  },
  {
    method: 'POST',
    path: '/projects/:project/feedback/outcomes',
    body: { items: [{ entity: 'A', time: '2026-11-02T10:00:00Z', event: 'failure' }] },
    role: 'member',
    ci: true,
    ciStatus: 200,
  },
  { method: 'GET', path: '/projects/:project/production', role: 'viewer' },
  { method: 'GET', path: '/projects/:project/production/list', role: 'member' },
  {
    method: 'POST',
    path: '/goals/:goal/measurements',
    body: { value: 110, measuredAt: '2026-11-01T00:00:00Z', source: 'Maintenance report' },
    role: 'member',
    ci: true,
  },
  { method: 'GET', path: '/goals/:goal/measurements', role: 'viewer' },
  {
    method: 'POST',
    path: '/projects/:project/production/reasons/backlog',
    body: { reason: 'busy' },
    role: 'member',
  },
  {
    method: 'POST',
    path: '/projects/:project/sponsor-links',
    body: { name: 'CFO' },
    role: 'admin',
  },
  { method: 'GET', path: '/projects/:project/sponsor-links', role: 'admin' },
  {
    method: 'DELETE',
    path: '/projects/:project/sponsor-links/00000000-0000-4000-8000-000000000000',
    role: 'admin',
  },
];

/** Calls a route the way a client would: JSON, or the CSV file as the body. */
function call(client: TestClient, route: RouteCase, path: string) {
  if (route.csv === undefined) return client.request(route.method, path, route.body);
  return client.request(route.method, path, undefined, {
    rawBody: route.csv,
    headers: { 'content-type': 'text/csv' },
  });
}

/** The roles on the ladder (an operator stands beside it: operator-access.test.ts). */
type LadderRole = Exclude<TeamRole, 'operator'>;

const RANK: Record<LadderRole, number> = { viewer: 0, member: 1, admin: 2 };

describeEachDatabase(
  'access rules on sprint, story, delivery, import, backlog, run and review routes',
  (env) => {
    const world = () => projectWorld(env());

    it('answers 401 to anonymous callers on every route', async () => {
      const w = await world();
      const anonymous = env().factory.client();
      for (const route of ROUTES) {
        const reply = await call(anonymous, route, w.fill(route.path, w.ids));
        expect(reply.status, `${route.method} ${route.path}`).toBe(401);
      }
    });

    it("answers another team's member with a 404 byte-identical to a random id, on every route", async () => {
      const w = await world();
      const outsider = await env().factory.workspace();
      const random = {
        project: randomUUID(),
        sprint: randomUUID(),
        story: randomUUID(),
        backlog: randomUUID(),
        run: randomUUID(),
        insight: randomUUID(),
        goal: randomUUID(),
      };
      for (const route of ROUTES) {
        const foreign = await call(outsider.admin.client, route, w.fill(route.path, w.ids));
        const missing = await call(outsider.admin.client, route, w.fill(route.path, random));
        expect(foreign.status, `${route.method} ${route.path}`).toBe(404);
        expect(foreign.raw.body, `${route.method} ${route.path}`).toBe(missing.raw.body);
      }
    });

    it('gives each role 403 below the route’s role and lets it through at or above', async () => {
      const w = await world();
      const members = {
        viewer: await env().factory.member(w.team.id, w.admin, 'viewer'),
        member: await env().factory.member(w.team.id, w.admin, 'member'),
      };
      for (const [role, who] of Object.entries(members) as [
        LadderRole,
        (typeof members)['viewer'],
      ][]) {
        for (const route of ROUTES) {
          const reply = await call(who.client, route, w.fill(route.path, w.ids));
          const label = `${role} ${route.method} ${route.path}`;
          if (RANK[role] < RANK[route.role]) expect(reply.status, label).toBe(403);
          else expect([401, 403, 404], label).not.toContain(reply.status);
        }
      }
    });

    it("gives a CI token 403 on its own project's routes (runs excepted) and 404 on another project's", async () => {
      const w = await world();
      const other = await world();
      const token = await w.admin.client.post<CreatedToken>(`/projects/${w.project.id}/ci-tokens`, {
        name: 'ci',
      });
      const ci = w.admin.client.withBearer(token.body.token);
      for (const route of ROUTES) {
        const own = await call(ci, route, w.fill(route.path, w.ids));
        if (route.ci)
          expect(own.status, `own ${route.method} ${route.path}`).toBe(route.ciStatus ?? 201);
        else expect(own.status, `own ${route.method} ${route.path}`).toBe(403);
        const foreign = await call(ci, route, other.fill(route.path, other.ids));
        expect(foreign.status, `foreign ${route.method} ${route.path}`).toBe(404);
      }
    });
  },
);

/** Team routes that answer only the team's admins and workspace admins (invitations). */
const TEAM_ADMIN_ROUTES: { method: Method; path: string; body?: unknown; status: number }[] = [
  {
    method: 'POST',
    path: '/teams/:team/invitations',
    body: { email: 'matrix@example.test', role: 'viewer' },
    status: 201,
  },
  { method: 'GET', path: '/teams/:team/invitations', status: 200 },
  { method: 'DELETE', path: '/teams/:team/invitations/:invitation', status: 204 },
];

describeEachDatabase('access rules on the invitation routes of a team', (env) => {
  async function world() {
    const { admin, team } = await env().factory.workspace();
    const invitation = await admin.client.post<{ id: string }>(`/teams/${team.id}/invitations`, {
      email: `pending-${randomUUID()}@example.test`,
      role: 'member',
    });
    expect(invitation.status).toBe(201);
    const fill = (path: string, ids: { team: string; invitation: string }) =>
      path.replace(':team', ids.team).replace(':invitation', ids.invitation);
    return { admin, team, fill, ids: { team: team.id, invitation: invitation.body.id } };
  }

  it('answers 401 to anonymous callers and 403 to CI tokens', async () => {
    const w = await world();
    const project = await env().factory.project(w.admin, w.team.id);
    const token = await w.admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = w.admin.client.withBearer(token.body.token);
    for (const route of TEAM_ADMIN_ROUTES) {
      const path = w.fill(route.path, w.ids);
      const label = `${route.method} ${route.path}`;
      expect(
        (await env().factory.client().request(route.method, path, route.body)).status,
        label,
      ).toBe(401);
      expect((await ci.request(route.method, path, route.body)).status, label).toBe(403);
    }
  });

  it("answers another team's admin with a 404 byte-identical to a random team", async () => {
    const w = await world();
    const outsider = await env().factory.workspace();
    const random = { team: randomUUID(), invitation: randomUUID() };
    for (const route of TEAM_ADMIN_ROUTES) {
      const label = `${route.method} ${route.path}`;
      const foreign = await outsider.admin.client.request(
        route.method,
        w.fill(route.path, w.ids),
        route.body,
      );
      const missing = await outsider.admin.client.request(
        route.method,
        w.fill(route.path, random),
        route.body,
      );
      expect(foreign.status, label).toBe(404);
      expect(foreign.raw.body, label).toBe(missing.raw.body);
    }
  });

  it('gives viewers and members 403, and lets team admins and workspace admins through', async () => {
    const w = await world();
    for (const role of ['viewer', 'member'] as const) {
      const who = await env().factory.member(w.team.id, w.admin, role);
      for (const route of TEAM_ADMIN_ROUTES) {
        const reply = await who.client.request(route.method, w.fill(route.path, w.ids), route.body);
        expect(reply.status, `${role} ${route.method} ${route.path}`).toBe(403);
      }
    }
    for (const who of [w.admin, await env().factory.user({ isAdmin: true })]) {
      // Each caller revokes an invitation of this team it has not revoked yet.
      const fresh = await w.admin.client.post<{ id: string }>(`/teams/${w.team.id}/invitations`, {
        email: `fresh-${randomUUID()}@example.test`,
        role: 'viewer',
      });
      const ids = { team: w.team.id, invitation: fresh.body.id };
      for (const route of TEAM_ADMIN_ROUTES) {
        const body =
          route.method === 'POST'
            ? { email: `x-${randomUUID()}@example.test`, role: 'viewer' }
            : route.body;
        const reply = await who.client.request(route.method, w.fill(route.path, ids), body);
        expect(reply.status, `${who.user.email} ${route.method} ${route.path}`).toBe(route.status);
      }
    }
  });
});

/** Routes whose `:team` is a team (the audit log's), with the least team role they need. */
const TEAM_ROUTES: { path: string; role: LadderRole }[] = [
  { path: '/teams/:team/audit', role: 'admin' },
  { path: '/teams/:team/audit.csv', role: 'admin' },
];

/** Routes for workspace admins only, whatever their team roles. */
const WORKSPACE_ADMIN_ROUTES = ['/audit', '/audit.csv'];

describeEachDatabase('access rules on team and workspace-admin routes', (env) => {
  it('answers 401 anonymous, 404 outsiders like a missing team, 403 below the role, 403 CI tokens', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const outsider = await env().factory.workspace();
    const members = {
      viewer: await env().factory.member(team.id, admin, 'viewer'),
      member: await env().factory.member(team.id, admin, 'member'),
      admin,
    };
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = admin.client.withBearer(token.body.token);
    const anonymous = env().factory.client();
    for (const route of TEAM_ROUTES) {
      const path = route.path.replace(':team', team.id);
      expect((await anonymous.get(path)).status, path).toBe(401);
      const foreign = await outsider.admin.client.get(path);
      const missing = await outsider.admin.client.get(route.path.replace(':team', randomUUID()));
      expect(foreign.status, path).toBe(404);
      expect(foreign.raw.body, path).toBe(missing.raw.body);
      for (const [role, who] of Object.entries(members) as [LadderRole, typeof admin][]) {
        const reply = await who.client.get(path);
        const label = `${role} GET ${route.path}`;
        if (RANK[role] < RANK[route.role]) expect(reply.status, label).toBe(403);
        else expect(reply.status, label).toBe(200);
      }
      expect((await ci.get(path)).status, `ci GET ${route.path}`).toBe(403);
    }
  });

  it('lets only workspace admins through the workspace-admin routes', async () => {
    const { admin } = await env().factory.workspace();
    const root = await env().factory.user({ isAdmin: true });
    for (const path of WORKSPACE_ADMIN_ROUTES) {
      expect((await env().factory.client().get(path)).status, path).toBe(401);
      expect((await admin.client.get(path)).status, `team admin GET ${path}`).toBe(403);
      expect((await root.client.get(path)).status, `workspace admin GET ${path}`).toBe(200);
    }
  });
});

/** The people page's routes (issue 15): workspace admins only; `:user` is a team member's id. */
const PEOPLE_ROUTES: { method: Method; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/people' },
  { method: 'POST', path: '/users/:user/deactivate' },
  { method: 'POST', path: '/users/:user/reactivate' },
];

describeEachDatabase('access rules on the people routes and your own profile', (env) => {
  it('lets only workspace admins through; team admins, members, CI and anonymous are refused', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const { admin, team, project } = await env().factory.workspace();
    const member = await env().factory.member(team.id, admin, 'member');
    // Deactivated and reactivated by the workspace admin: not a caller of this test.
    const target = await env().factory.member(team.id, admin, 'viewer');
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = admin.client.withBearer(token.body.token);
    const anonymous = env().factory.client();
    for (const route of PEOPLE_ROUTES) {
      const path = route.path.replace(':user', target.user.id);
      const label = `${route.method} ${route.path}`;
      expect((await anonymous.request(route.method, path)).status, label).toBe(401);
      expect((await ci.request(route.method, path)).status, label).toBe(403);
      expect((await member.client.request(route.method, path)).status, label).toBe(403);
      expect((await admin.client.request(route.method, path)).status, label).toBe(403);
      expect((await root.client.request(route.method, path)).status, label).toBe(200);
    }
    const profile = { name: 'Renamed' };
    expect((await anonymous.patch('/me', profile)).status).toBe(401);
    expect((await ci.patch('/me', profile)).status).toBe(403);
    expect((await member.client.patch('/me', profile)).status).toBe(200);
  });
});

/**
 * The notification routes (issue 16). `:endpoint` and `:delivery` are a fresh endpoint of the
 * project and a test delivery of it; a public address literal passes the destination check.
 */
const NOTIFICATION_ROUTES: (RouteCase & { status: number })[] = [
  { method: 'GET', path: '/projects/:project/endpoints', role: 'member', status: 200 },
  {
    method: 'POST',
    path: '/projects/:project/endpoints',
    body: { kind: 'webhook', name: 'Matrix', url: 'https://93.184.216.34/hook' },
    role: 'admin',
    status: 201,
  },
  { method: 'GET', path: '/projects/:project/endpoints/:endpoint', role: 'member', status: 200 },
  {
    method: 'PATCH',
    path: '/projects/:project/endpoints/:endpoint',
    body: { name: 'Renamed' },
    role: 'admin',
    status: 200,
  },
  {
    method: 'POST',
    path: '/projects/:project/endpoints/:endpoint/rotate-secret',
    role: 'admin',
    status: 200,
  },
  {
    method: 'GET',
    path: '/projects/:project/endpoints/:endpoint/deliveries',
    role: 'member',
    status: 200,
  },
  {
    method: 'POST',
    path: '/projects/:project/endpoints/:endpoint/deliveries/:delivery/resend',
    role: 'admin',
    status: 202,
  },
  {
    method: 'POST',
    path: '/projects/:project/endpoints/:endpoint/test',
    role: 'admin',
    status: 202,
  },
  { method: 'GET', path: '/projects/:project/subscribers', role: 'member', status: 200 },
  { method: 'DELETE', path: '/projects/:project/endpoints/:endpoint', role: 'admin', status: 204 },
];

/** Workspace endpoints: workspace admins only, whatever their team roles. */
const WORKSPACE_ENDPOINT_ROUTES: {
  method: Method;
  path: string;
  body?: unknown;
  status: number;
}[] = [
  { method: 'GET', path: '/workspace/endpoints', status: 200 },
  { method: 'GET', path: '/workspace/endpoints?scope=all', status: 200 },
  {
    method: 'POST',
    path: '/workspace/endpoints',
    body: { kind: 'slack', name: 'Matrix', url: 'https://93.184.216.34/slack' },
    status: 201,
  },
  { method: 'GET', path: '/workspace/endpoints/:endpoint', status: 200 },
  { method: 'PATCH', path: '/workspace/endpoints/:endpoint', body: { name: 'x' }, status: 200 },
  { method: 'POST', path: '/workspace/endpoints/:endpoint/rotate-secret', status: 200 },
  { method: 'GET', path: '/workspace/endpoints/:endpoint/deliveries', status: 200 },
  {
    method: 'POST',
    path: '/workspace/endpoints/:endpoint/deliveries/:delivery/resend',
    status: 202,
  },
  { method: 'POST', path: '/workspace/endpoints/:endpoint/test', status: 202 },
  { method: 'DELETE', path: '/workspace/endpoints/:endpoint', status: 204 },
];

describeEachDatabase('access rules on the notification routes', (env) => {
  async function world() {
    const { admin, team, project } = await env().factory.workspace();
    return { admin, team, project };
  }
  /** A fresh endpoint (of the project, or of the workspace) with one test delivery. */
  async function endpointOf(who: TestClient, base: string) {
    const endpoint = await who.post<{ id: string }>(base, {
      kind: 'webhook',
      name: 'Target',
      url: 'https://93.184.216.34/target',
    });
    expect(endpoint.status, base).toBe(201);
    const test = await who.post<{ id: string }>(`${base}/${endpoint.body.id}/test`);
    expect(test.status).toBe(202);
    return { endpoint: endpoint.body.id, delivery: test.body.id };
  }
  const fill = (path: string, ids: Record<string, string>) =>
    path.replace(/:(project|endpoint|delivery)/g, (_m, key: string) => ids[key] ?? '');

  it('answers 401 anonymous, 403 CI tokens, 404 outsiders like a missing id, 403 below the role', async () => {
    const w = await world();
    const base = `/projects/${w.project.id}/endpoints`;
    const ids = { project: w.project.id, ...(await endpointOf(w.admin.client, base)) };
    const random = { project: randomUUID(), endpoint: randomUUID(), delivery: randomUUID() };
    const outsider = await env().factory.workspace();
    const token = await w.admin.client.post<CreatedToken>(`/projects/${w.project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = w.admin.client.withBearer(token.body.token);
    const members = {
      viewer: await env().factory.member(w.team.id, w.admin, 'viewer'),
      member: await env().factory.member(w.team.id, w.admin, 'member'),
    };
    for (const route of NOTIFICATION_ROUTES) {
      const path = fill(route.path, ids);
      const label = `${route.method} ${route.path}`;
      expect((await call(env().factory.client(), route, path)).status, label).toBe(401);
      expect((await call(ci, route, path)).status, label).toBe(403);
      const foreign = await call(outsider.admin.client, route, path);
      const missing = await call(outsider.admin.client, route, fill(route.path, random));
      expect(foreign.status, label).toBe(404);
      expect(foreign.raw.body, label).toBe(missing.raw.body);
      for (const [role, who] of Object.entries(members) as [LadderRole, SignedInLike][]) {
        if (RANK[role] < RANK[route.role]) {
          expect((await call(who.client, route, path)).status, `${role} ${label}`).toBe(403);
        }
      }
    }
  });

  it('lets each role through at or above the route’s role, with the answer the route gives', async () => {
    const w = await world();
    const base = `/projects/${w.project.id}/endpoints`;
    const callers = {
      member: await env().factory.member(w.team.id, w.admin, 'member'),
      admin: w.admin,
    };
    for (const [role, who] of Object.entries(callers) as [LadderRole, SignedInLike][]) {
      const ids = { project: w.project.id, ...(await endpointOf(w.admin.client, base)) };
      for (const route of NOTIFICATION_ROUTES) {
        if (RANK[role] < RANK[route.role]) continue;
        const reply = await call(who.client, route, fill(route.path, ids));
        expect(reply.status, `${role} ${route.method} ${route.path}`).toBe(route.status);
      }
    }
  });

  it('lets only workspace admins through the workspace endpoints', async () => {
    const w = await world();
    const root = await env().factory.user({ isAdmin: true });
    const ids = await endpointOf(root.client, '/workspace/endpoints');
    const token = await w.admin.client.post<CreatedToken>(`/projects/${w.project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = w.admin.client.withBearer(token.body.token);
    for (const route of WORKSPACE_ENDPOINT_ROUTES) {
      const path = fill(route.path, ids);
      const label = `${route.method} ${route.path}`;
      const send = (who: TestClient) => who.request(route.method, path, route.body);
      expect((await send(env().factory.client())).status, label).toBe(401);
      expect((await send(ci)).status, label).toBe(403);
      expect((await send(w.admin.client)).status, `team admin ${label}`).toBe(403);
      expect((await send(root.client)).status, `workspace admin ${label}`).toBe(route.status);
    }
  });

  it('keeps my settings to people: 401 anonymous, 403 CI tokens; unsubscribe links are public', async () => {
    const w = await world();
    const token = await w.admin.client.post<CreatedToken>(`/projects/${w.project.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = w.admin.client.withBearer(token.body.token);
    const anonymous = env().factory.client();
    const put = `/me/notifications/${w.project.id}`;
    const body = { mode: 'instant' };
    expect((await anonymous.get('/me/notifications')).status).toBe(401);
    expect((await anonymous.put(put, body)).status).toBe(401);
    expect((await ci.get('/me/notifications')).status).toBe(403);
    expect((await ci.put(put, body)).status).toBe(403);
    expect((await w.admin.client.get('/me/notifications')).status).toBe(200);
    expect((await w.admin.client.put(put, body)).status).toBe(200);
    // Public, and an unknown link is a 404 for anyone.
    expect((await anonymous.get(`/unsubscribe/${randomUUID()}`)).status).toBe(404);
    expect((await anonymous.post(`/unsubscribe/${randomUUID()}`)).status).toBe(404);
  });
});

type SignedInLike = { client: TestClient };
