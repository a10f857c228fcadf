import { expect, it } from 'vitest';
import type { ErrorBody, Page, Project } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';

async function projectCount(env: TestEnv, who: SignedIn): Promise<number> {
  const list = await who.client.get<Page<Project>>('/projects?archived=all&limit=200');
  return list.body.items.length;
}

describeEachDatabase('bad input', (env) => {
  const cases: { name: string; body: (teamId: string) => string; field: string; code: string }[] = [
    {
      name: 'an unknown field',
      body: (teamId) => JSON.stringify({ teamId, name: 'P', colour: 'red' }),
      field: 'colour',
      code: 'invalid_request',
    },
    {
      name: 'an unknown field inside the scope',
      body: (teamId) => JSON.stringify({ teamId, name: 'P', scope: { why: 'x', budget: 3 } }),
      field: 'scope.budget',
      code: 'invalid_request',
    },
    {
      name: 'a wrong type',
      body: (teamId) => JSON.stringify({ teamId, name: 42 }),
      field: 'name',
      code: 'invalid_request',
    },
    {
      name: 'a wrong type deep in the scope',
      body: (teamId) =>
        JSON.stringify({
          teamId,
          name: 'P',
          scope: { currentMetric: { name: 'm', value: 'high' } },
        }),
      field: 'scope.currentMetric.value',
      code: 'invalid_request',
    },
    {
      name: 'NaN',
      body: (teamId) =>
        `{"teamId": "${teamId}", "name": "P", "scope": {"currentMetric": {"name": "m", "value": NaN}}}`,
      field: 'scope.currentMetric.value',
      code: 'invalid_json',
    },
    {
      name: 'a 2 MB string',
      body: (teamId) =>
        JSON.stringify({ teamId, name: 'P', scope: { why: 'x'.repeat(2 * 1024 * 1024) } }),
      field: 'scope.why',
      code: 'invalid_request',
    },
    {
      name: 'three POC constraints',
      body: (teamId) =>
        JSON.stringify({
          teamId,
          name: 'P',
          scope: { pocConstraints: ['time', 'resources', 'accuracy'] },
        }),
      field: 'scope.pocConstraints',
      code: 'invalid_request',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with 400 naming the field, and writes nothing`, async () => {
      const admin = await env().factory.user();
      const team = await env().factory.team(admin);
      const before = await projectCount(env(), admin);
      const reply = await admin.client.request<ErrorBody>('POST', '/projects', undefined, {
        rawBody: c.body(team.id),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe(c.code);
      expect(reply.body.error.message).toContain(c.field);
      const fields =
        c.code === 'invalid_json'
          ? [reply.body.error.details.field]
          : (reply.body.error.details.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toContain(c.field);
      expect(await projectCount(env(), admin)).toBe(before);
    });
  }

  it('answers a body above the limit with 413 and a JSON error', async () => {
    const admin = await env().factory.user();
    const reply = await admin.client.request<ErrorBody>('POST', '/teams', undefined, {
      rawBody: JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('payload_too_large');
  });

  it('answers a non-JSON content type with 415', async () => {
    const admin = await env().factory.user();
    const reply = await admin.client.request<ErrorBody>('POST', '/teams', undefined, {
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a bad goal field type with 400 (not 422) and a bad query parameter by name', async () => {
    const { admin, project } = await env().factory.workspace();
    const goal = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, {
      statement: 'Reduce churn',
      baseline: '3.1',
      deadline: '2027-02-30',
    });
    expect(goal.status).toBe(400);
    const fields = (goal.body.error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['baseline', 'deadline']);
    const query = await admin.client.get<ErrorBody>('/projects?stage=launched');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('stage');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const anonymous = env().factory.client();
    const reply = await anonymous.get<ErrorBody>('/no/such/route');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/v1/no/such/route', details: {} },
    });
  });
});
