import { expect, it } from 'vitest';
import type { ErrorBody, FeedbackResult, OperatorList, ProductionReport } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';
import { productionFixture } from '../support/production-fixture.js';

const D1 = '2026-11-02';
const D2 = '2026-11-03';
const D3 = '2026-11-04';
const { criterion, predictions, decisions, outcomes } = productionFixture(D1, D2, D3);

async function send(client: TestClient, projectId: string, kind: string, items: unknown[]) {
  const reply = await client.post<FeedbackResult>(`/projects/${projectId}/feedback/${kind}`, {
    items,
  });
  expect(reply.status, kind).toBe(200);
}

async function list(client: TestClient, projectId: string, query = '') {
  return client.get<OperatorList>(`/projects/${projectId}/production/list${query}`);
}

describeEachDatabase('the operator’s daily list', (env) => {
  async function fixtureProject(opts: { decisions?: boolean } = {}) {
    const { admin, team, project } = await env().factory.workspace();
    expect(
      (await admin.client.put(`/projects/${project.id}/success-criterion`, criterion)).status,
    ).toBe(200);
    await send(admin.client, project.id, 'predictions', predictions);
    if (opts.decisions !== false) await send(admin.client, project.id, 'decisions', decisions);
    await send(admin.client, project.id, 'outcomes', outcomes);
    return { admin, team, project };
  }

  it('lists the top N of the latest period, ranked as the production figures rank them', async () => {
    const { admin, project } = await fixtureProject();
    const reply = await list(admin.client, project.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      projectId: project.id,
      status: 'ready',
      period: D2,
      periods: [D2, D1],
      n: 2,
      horizon: '1d',
      outcomeWindow: { from: `${D2}T00:00:00.000Z`, to: `${D3}T00:00:00.000Z` },
    });
    // Day 2: D 0.9 first; B and C tie at 0.7 (C's 0.99 is the older v0's): B by name.
    expect(reply.body.rows).toEqual([
      {
        entity: 'D',
        score: 0.9,
        modelVersion: 'v1',
        rank: 1,
        decision: { acted: true, reason: null, decidedBy: null },
        outcome: null,
      },
      {
        entity: 'B',
        score: 0.7,
        modelVersion: 'v1',
        rank: 2,
        decision: { acted: false, reason: 'sensor glitch', decidedBy: null },
        outcome: null,
      },
    ]);
    // Most frequent first; of the once-given, the latest first.
    expect(reply.body.reasons).toEqual(['sensor glitch', 'noise heard', 'operator knows']);
  });

  it('lists an earlier period when asked, with its outcomes and the reasons up to it', async () => {
    const { admin, project } = await fixtureProject();
    const reply = await list(admin.client, project.id, `?period=${D1}`);
    expect(reply.body).toMatchObject({ status: 'ready', period: D1, periods: [D2, D1] });
    expect(reply.body.rows.map((r) => [r.rank, r.entity, r.score, r.decision?.acted])).toEqual([
      [1, 'A', 0.9, true],
      [2, 'B', 0.8, false],
    ]);
    expect(reply.body.rows[0]!.outcome).toEqual({
      time: `${D1}T10:00:00.000Z`,
      event: 'failure',
    });
    expect(reply.body.reasons).toEqual(['operator knows', 'sensor glitch']);
    const bad = await list(admin.client, project.id, '?period=yesterday');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).error.details).toMatchObject({
      fields: [{ field: 'period', location: 'querystring' }],
    });
  });

  it('says when there is no criterion or no predictions for the period', async () => {
    const { admin, project } = await env().factory.workspace();
    const none = await list(admin.client, project.id);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ status: 'no_criterion', n: null, rows: [], periods: [] });

    await admin.client.put(`/projects/${project.id}/success-criterion`, criterion);
    const empty = await list(admin.client, project.id);
    expect(empty.body).toMatchObject({ status: 'no_predictions', period: null, n: 2, rows: [] });

    await send(admin.client, project.id, 'predictions', predictions);
    const later = await list(admin.client, project.id, `?period=${D3}`);
    expect(later.body).toMatchObject({
      status: 'no_predictions',
      period: D3,
      periods: [D2, D1],
      rows: [],
    });
  });

  it('is read by the team’s operators and members, not by viewers, and 404 across teams', async () => {
    const { admin, team, project } = await fixtureProject();
    const operator = await env().factory.member(team.id, admin, 'operator');
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const seen = await list(operator.client, project.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual((await list(admin.client, project.id)).body);
    expect((await list(viewer.client, project.id)).status).toBe(403);
    const other = await env().factory.workspace();
    const foreign = await list(other.admin.client, project.id);
    expect(foreign.status).toBe(404);
    const missing = await list(other.admin.client, 'no-such-project');
    expect(foreign.body).toEqual(missing.body);
  });

  it('stores a decision once per Idempotency-Key and the production report counts it', async () => {
    const { admin, team, project } = await fixtureProject({ decisions: false });
    const operator = await env().factory.member(team.id, admin, 'operator');
    const url = `/projects/${project.id}/feedback/decisions`;
    const rows = (await list(operator.client, project.id)).body.rows;
    expect(rows.map((r) => [r.entity, r.decision])).toEqual([
      ['D', null],
      ['B', null],
    ]);
    const decide = (entity: string, acted: boolean, reason: string | null, key?: string) =>
      operator.client.request<FeedbackResult>(
        'POST',
        url,
        { items: [{ entity, period: D2, modelVersion: 'v1', acted, reason }] },
        key ? { headers: { 'idempotency-key': key } } : {},
      );
    const first = await decide('B', false, 'busy', 'row-B-1');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 1, inserted: 1, updated: 0 });
    const retry = await decide('B', false, 'busy', 'row-B-1');
    expect(retry.status).toBe(200);
    expect(retry.raw.headers['idempotent-replayed']).toBe('true');
    // The same answer, not the `updated: 1` a second write would have given.
    expect(retry.body).toEqual(first.body);
    const reused = await decide('B', true, null, 'row-B-1');
    expect(reused.status).toBe(422);
    expect((reused.body as unknown as ErrorBody).error).toMatchObject({
      code: 'idempotency_key_reused',
      details: { field: 'Idempotency-Key' },
    });
    expect((await decide('D', true, null, 'row-D-1')).status).toBe(200);
    const bad = await operator.client.request(
      'POST',
      url,
      { items: [] },
      {
        headers: { 'idempotency-key': 'bad key with spaces' },
      },
    );
    expect(bad.status).toBe(400);

    // Stored once: the list shows one decision per row, the 422 changed nothing.
    const after = (await list(operator.client, project.id)).body.rows;
    expect(after.map((r) => [r.entity, r.decision])).toEqual([
      ['D', { acted: true, reason: null, decidedBy: null }],
      ['B', { acted: false, reason: 'busy', decidedBy: null }],
    ]);
    expect((await list(operator.client, project.id)).body.reasons).toEqual(['busy']);

    // Day 2: the model's top 2 {D, B}; the operator acted on D, not on B → 1 of 2, "busy".
    const report = await operator.client.get<ProductionReport>(
      `/projects/${project.id}/production?from=${D2}&to=${D2}`,
    );
    expect(report.body.periods[0]).toMatchObject({
      period: D2,
      disagreement: { considered: 2, ignored: 1, overridden: 0, rate: 0.5, reasons: { busy: 1 } },
      realized: { acted: 1 },
    });
  });

  it('shows an outcome the operator reports within the period’s window', async () => {
    const { admin, team, project } = await fixtureProject({ decisions: false });
    const operator = await env().factory.member(team.id, admin, 'operator');
    const before = (await list(operator.client, project.id)).body;
    const reply = await operator.client.request<FeedbackResult>(
      'POST',
      `/projects/${project.id}/feedback/outcomes`,
      { items: [{ entity: 'B', time: before.outcomeWindow!.from, event: before.outcomeEvent }] },
      { headers: { 'idempotency-key': 'outcome-B-1' } },
    );
    expect(reply.status).toBe(200);
    const after = (await list(operator.client, project.id)).body.rows;
    expect(after.find((r) => r.entity === 'B')!.outcome).toEqual({
      time: `${D2}T00:00:00.000Z`,
      event: 'reported by operator',
    });
    const report = await operator.client.get<ProductionReport>(
      `/projects/${project.id}/production?from=${D2}&to=${D2}`,
    );
    // B is in day 2's top 2 and now failed that day: the model caught it.
    expect(report.body.periods[0]).toMatchObject({ eventsCaught: 1 });
  });
});
