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
