import { expect, it } from 'vitest';
import type { FeedbackResult, Portfolio, ProductionReport, Project } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { productionFixture } from '../support/production-fixture.js';
import { projectWorld, type WorldIds } from '../support/project-world.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, unknown>>>;
}

/** The routes an operator may call on the team's projects: the production pages and their feedback. */
const OPERATOR_ROUTES = new Set([
  'GET /projects/{id}',
  'GET /projects/{id}/production',
  'GET /projects/{id}/production/list',
  'POST /projects/{id}/feedback/{kind}',
]);

/** The object a route's `{id}` names, by the path's first segment: the routes of one team's objects. */
const SCOPED: Record<string, keyof WorldIds | 'team'> = {
  projects: 'project',
  sprints: 'sprint',
  stories: 'story',
  runs: 'run',
  backlog: 'backlog',
  insights: 'insight',
  goals: 'goal',
  teams: 'team',
};

const SUB_ID = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('the operator role', (env) => {
  async function world() {
    const w = await projectWorld(env());
    const operator = await env().factory.member(w.team.id, w.admin, 'operator');
    return { ...w, operator };
  }

  it('answers 403 on every route of the team’s objects but the production pages, every route of the API document', async () => {
    const w = await world();
    const doc = await w.operator.client.get<OpenApiDocument>('/openapi.json');
    expect(doc.status).toBe(200);
    let scopedRoutes = 0;
    for (const [documented, operations] of Object.entries(doc.body.paths)) {
      const path = documented.replace(/^\/api\/v1/, '');
      const segment = path.split('/')[1] ?? '';
      const object = SCOPED[segment];
      if (!object || !path.includes('{id}')) continue;
      for (const method of Object.keys(operations) as Method[]) {
        const name = `${method.toUpperCase()} ${path}`;
        const id = object === 'team' ? w.team.id : w.ids[object];
        const url = path
          .replace('{id}', id)
          .replace('{kind}', 'decisions')
          .replace(/\{\w+\}/g, SUB_ID);
        const reply = await w.operator.client.request(
          method.toUpperCase() as Uppercase<Method>,
          url,
          method === 'get' || method === 'delete' ? undefined : {},
        );
        scopedRoutes += 1;
        if (OPERATOR_ROUTES.has(name)) {
          expect([401, 403, 404], name).not.toContain(reply.status);
        } else {
          expect(reply.status, name).toBe(403);
          expect((reply.body as { error: { code: string } }).error.code, name).toBe('forbidden');
        }
      }
    }
    // Every route of a team's objects was tried (more than the production ones).
    expect(scopedRoutes).toBeGreaterThan(50);
  });

  it('records decisions and outcomes that the production page shows, but not predictions', async () => {
    const w = await world();
    const { criterion, predictions, decisions, outcomes } = productionFixture(
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
    );
    const base = `/projects/${w.project.id}`;
    expect((await w.admin.client.put(`${base}/success-criterion`, criterion)).status).toBe(200);
    const refused = await w.operator.client.post(`${base}/feedback/predictions`, {
      items: predictions,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
    const sent = await w.admin.client.post(`${base}/feedback/predictions`, { items: predictions });
    expect(sent.status).toBe(200);

    const decided = await w.operator.client.post<FeedbackResult>(`${base}/feedback/decisions`, {
      items: decisions,
    });
    expect(decided.body).toMatchObject({ received: decisions.length, inserted: decisions.length });
    const happened = await w.operator.client.post<FeedbackResult>(`${base}/feedback/outcomes`, {
      items: outcomes,
    });
    expect(happened.body).toMatchObject({ received: outcomes.length, inserted: outcomes.length });

    const range = '?from=2026-11-02&to=2026-11-03';
    const seen = await w.operator.client.get<ProductionReport>(`${base}/production${range}`);
    expect(seen.status).toBe(200);
    expect(seen.body.reasons.map((r) => r.reason)).toContain('sensor glitch');
    expect(seen.body.totals.realized.acted).toBeGreaterThan(0);
    // The operator reads the very figures the team's admin reads.
    const admin = await w.admin.client.get<ProductionReport>(`${base}/production${range}`);
    expect(seen.body).toEqual(admin.body);
  });

  it('finds the project in its list, but not in the portfolio or the artifact figures', async () => {
    const w = await world();
    const list = await w.operator.client.get<{ items: Project[] }>('/projects');
    expect(list.body.items.map((p) => [p.id, p.role])).toEqual([[w.project.id, 'operator']]);
    const portfolio = await w.operator.client.get<Portfolio>('/portfolio');
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.items).toEqual([]);
    const kpis = await w.operator.client.get<{ projects: unknown[] }>('/artifacts/kpis');
    expect(kpis.body.projects).toEqual([]);
    // The team's admin still sees it everywhere.
    const own = await w.admin.client.get<Portfolio>('/portfolio');
    expect(own.body.items.map((p) => p.id)).toContain(w.project.id);
  });

  it('is a role a team admin gives and takes back like any other', async () => {
    const w = await world();
    const members = await w.admin.client.get<{ items: { userId: string; role: string }[] }>(
      `/teams/${w.team.id}/members`,
    );
    expect(members.body.items.find((m) => m.userId === w.operator.user.id)?.role).toBe('operator');
    const promoted = await w.admin.client.patch(
      `/teams/${w.team.id}/members/${w.operator.user.id}`,
      { role: 'viewer' },
    );
    expect(promoted.status).toBe(200);
    const sprints = await w.operator.client.get(`/projects/${w.project.id}/sprints`);
    expect(sprints.status).toBe(200);
  });
});
