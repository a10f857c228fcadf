import { expect, it } from 'vitest';
import type {
  BacklogItem,
  CreatedToken,
  ErrorBody,
  FeedbackResult,
  ProductionReport,
  ProjectKpis,
} from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';
import { productionFixture } from '../support/production-fixture.js';

const D1 = '2026-11-02';
const D2 = '2026-11-03';

const {
  criterion: CRITERION,
  prediction,
  predictions: PREDICTIONS,
  decisions: DECISIONS,
  outcomes: OUTCOMES,
} = productionFixture(D1, D2, '2026-11-04');

async function setCriterion(client: TestClient, projectId: string) {
  const reply = await client.put(`/projects/${projectId}/success-criterion`, CRITERION);
  expect(reply.status).toBe(200);
}

async function post(client: TestClient, projectId: string, kind: string, items: unknown[]) {
  return client.post<FeedbackResult>(`/projects/${projectId}/feedback/${kind}`, { items });
}

async function postRaw(
  client: TestClient,
  projectId: string,
  kind: string,
  type: 'text/csv' | 'application/x-ndjson',
  body: string,
) {
  return client.request<FeedbackResult>(
    'POST',
    `/projects/${projectId}/feedback/${kind}`,
    undefined,
    {
      rawBody: body,
      headers: { 'content-type': type },
    },
  );
}

async function production(client: TestClient, projectId: string, query = `from=${D1}&to=${D2}`) {
  const reply = await client.get<ProductionReport>(`/projects/${projectId}/production?${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function loadFixture(client: TestClient, projectId: string) {
  await setCriterion(client, projectId);
  expect((await post(client, projectId, 'predictions', PREDICTIONS)).body).toEqual({
    received: 9,
    inserted: 9,
    updated: 0,
  });
  expect((await post(client, projectId, 'decisions', DECISIONS)).body).toEqual({
    received: 6,
    inserted: 6,
    updated: 0,
  });
  expect((await post(client, projectId, 'outcomes', OUTCOMES)).body).toEqual({
    received: 4,
    inserted: 4,
    updated: 0,
  });
}

describeEachDatabase('production feedback and metrics', (env) => {
  it('computes hit rate@N, the bar, money and disagreement on a hand-worked fixture', async () => {
    const { admin, project } = await env().factory.workspace();
    await loadFixture(admin.client, project.id);
    const report = await production(admin.client, project.id);
    expect(report).toMatchObject({ n: 2, threshold: 1, horizon: '1d', currency: 'EUR' });
    // Day 1: model top 2 = A, B; A failed that day → 1 caught of 1 event; money 100 − 20.
    // Bar: nobody checked yet → A, B by name → 1. Operators acted on A, C: A caught → 80.
    // Disagreement: B ignored, C overridden, of {A, B, C} → 2/3.
    expect(report.periods[0]).toMatchObject({
      period: D1,
      hitRate: 1,
      eventsCaught: 1,
      interventions: 2,
      events: 1,
      bar: 1,
      modelNet: 80,
      realized: { acted: 2, eventsCaught: 1, net: 80 },
      disagreement: {
        considered: 3,
        ignored: 1,
        overridden: 1,
        rate: 2 / 3,
        reasons: { 'sensor glitch': 1, 'operator knows': 1 },
      },
    });
    // Day 2: top 2 = D (0.9), then B before C (tie at 0.7, by name; C's 0.99 is model v0).
    // Failures A and C: none in the top 2 → 0, money −20. Bar: D (never checked), then A
    // (checked day 1, first by name) → A failed → 1. Operators acted on D, C: C caught → 80.
    expect(report.periods[1]).toMatchObject({
      period: D2,
      hitRate: 0,
      events: 2,
      bar: 1,
      modelNet: -20,
      realized: { acted: 2, eventsCaught: 1, net: 80 },
      disagreement: { rate: 2 / 3, reasons: { 'sensor glitch': 1, 'noise heard': 1 } },
    });
    expect(report.totals).toMatchObject({
      days: 2,
      hitRate: 0.5,
      bar: 1,
      modelNet: 60,
      realized: { acted: 4, eventsCaught: 2, net: 160 },
      disagreement: { considered: 6, ignored: 2, overridden: 2, rate: 2 / 3 },
    });
    expect(report.reasons).toEqual([
      { reason: 'sensor glitch', count: 2, periods: [D1, D2] },
      { reason: 'noise heard', count: 1, periods: [D2] },
      { reason: 'operator knows', count: 1, periods: [D1] },
    ]);
    const weekly = await production(admin.client, project.id, `from=${D1}&to=${D2}&period=week`);
    expect(weekly.periods).toHaveLength(1);
    expect(weekly.periods[0]).toMatchObject({ period: '2026-W45', days: 2, hitRate: 0.5, bar: 1 });
  });

  it('is idempotent: a re-sent row replaces the stored one and counts as updated', async () => {
    const { admin, project } = await env().factory.workspace();
    await loadFixture(admin.client, project.id);
    const before = await production(admin.client, project.id);
    expect((await post(admin.client, project.id, 'predictions', PREDICTIONS)).body).toEqual({
      received: 9,
      inserted: 0,
      updated: 9,
    });
    expect((await post(admin.client, project.id, 'outcomes', OUTCOMES)).body).toEqual({
      received: 4,
      inserted: 0,
      updated: 4,
    });
    // Two stored predictions as CSV, plus an older model's row (ignored by the figures):
    // 1 inserted, 2 updated.
    const csv = [
      'entity,period,model_version,score',
      `A,${D1},v1,0.9`,
      `B,${D1},v1,0.8`,
      `A,${D1},v0,0.05`,
    ].join('\n');
    expect((await postRaw(admin.client, project.id, 'predictions', 'text/csv', csv)).body).toEqual({
      received: 3,
      inserted: 1,
      updated: 2,
    });
    const after = await production(admin.client, project.id);
    expect(after.totals).toEqual(before.totals);
    // The last one wins: B's decision on day 1 flips to acted, so day 1 agrees fully.
    const flip = await post(admin.client, project.id, 'decisions', [
      { entity: 'B', period: D1, modelVersion: 'v1', acted: true },
    ]);
    expect(flip.body).toEqual({ received: 1, inserted: 0, updated: 1 });
    const flipped = await production(admin.client, project.id);
    expect(flipped.periods[0]!.disagreement).toMatchObject({ ignored: 0, overridden: 1 });
  });

  it('takes a large CSV in one go (COPY on PostgreSQL) and a re-send updates every row', async () => {
    const { admin, project } = await env().factory.workspace();
    await setCriterion(admin.client, project.id);
    // 300 machines × 5 days; machine m-000 scores highest every day, m-001 next: the top 2.
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
    const lines = ['entity,period,model_version,score'];
    for (const day of days) {
      for (let m = 0; m < 300; m += 1) {
        lines.push(`m-${String(m).padStart(3, '0')},${day},v1,${(1 - m / 1000).toFixed(3)}`);
      }
    }
    const csv = lines.join('\n') + '\n';
    const first = await postRaw(admin.client, project.id, 'predictions', 'text/csv', csv);
    expect(first.body).toEqual({ received: 1500, inserted: 1500, updated: 0 });
    const again = await postRaw(admin.client, project.id, 'predictions', 'text/csv', csv);
    expect(again.body).toEqual({ received: 1500, inserted: 0, updated: 1500 });
    // m-001 fails on the 18th (caught), m-150 on the 19th (missed): 1 caught over 5 days.
    const outcomes = [
      JSON.stringify({ entity: 'm-001', time: '2026-11-18T08:00:00Z', event: 'failure' }),
      JSON.stringify({ entity: 'm-150', time: '2026-11-19T08:00:00Z', event: 'failure' }),
    ].join('\n');
    await postRaw(admin.client, project.id, 'outcomes', 'application/x-ndjson', outcomes);
    const report = await production(admin.client, project.id, `from=${days[0]}&to=${days[4]}`);
    expect(report.totals).toMatchObject({
      days: 5,
      eventsCaught: 1,
      events: 2,
      interventions: 10,
      hitRate: 0.2,
    });
  });

  it('keeps the last of a key sent twice in one upload, thousands of rows apart, and counts it as updated', async () => {
    const { admin, project } = await env().factory.workspace();
    await setCriterion(admin.client, project.id);
    // 3,000 machines on D1 at 0.1, m-0001 at 0.5; m-1234 comes again at the end with 0.9, far
    // enough down to be read and written in another batch than its first row.
    const machine = (m: number) => `m-${String(m).padStart(4, '0')}`;
    const lines = ['entity,period,model_version,score'];
    for (let m = 0; m < 3000; m += 1) lines.push(`${machine(m)},${D1},v1,${m === 1 ? 0.5 : 0.1}`);
    lines.push(`m-1234,${D1},v1,0.9`);
    const first = await postRaw(
      admin.client,
      project.id,
      'predictions',
      'text/csv',
      lines.join('\n'),
    );
    expect(first.body).toEqual({ received: 3001, inserted: 3000, updated: 1 });
    // Caught only if m-1234 scores 0.9 (the last row): else the top 2 is m-0001 and m-0000.
    const outcome = { entity: 'm-1234', time: `${D1}T08:00:00Z`, event: 'failure' };
    expect((await post(admin.client, project.id, 'outcomes', [outcome])).status).toBe(200);
    const report = await production(admin.client, project.id, `from=${D1}&to=${D1}`);
    expect(report.periods[0]).toMatchObject({ period: D1, eventsCaught: 1, events: 1 });
    // Half stored already, half new: counted apart.
    const again = ['entity,period,model_version,score'];
    for (let m = 1500; m < 4500; m += 1) again.push(`${machine(m)},${D1},v1,0.1`);
    const second = await postRaw(
      admin.client,
      project.id,
      'predictions',
      'text/csv',
      again.join('\n'),
    );
    expect(second.body).toEqual({ received: 3000, inserted: 1500, updated: 1500 });
  });

  it('refuses an upload whose one bad row comes after thousands of good ones, writing none of them', async () => {
    const { admin, project } = await env().factory.workspace();
    await setCriterion(admin.client, project.id);
    const lines = ['entity,period,model_version,score'];
    for (let m = 0; m < 6000; m += 1) lines.push(`m-${m},${D1},v1,0.5`);
    lines.push(`m-last,${D1},v1,not a number`);
    const bad = await postRaw(
      admin.client,
      project.id,
      'predictions',
      'text/csv',
      lines.join('\n'),
    );
    expect(bad.status).toBe(400);
    const error = (bad.body as unknown as ErrorBody).error;
    expect(error.details).toMatchObject({ badRows: 1, lines: [{ line: 6002 }] });
    expect(error.message).toContain('line 6002');
    expect((await production(admin.client, project.id, `from=${D1}&to=${D1}`)).periods).toEqual([]);
    // The project takes the good rows alone afterwards: nothing was left half done.
    const good = await postRaw(
      admin.client,
      project.id,
      'predictions',
      'text/csv',
      lines.slice(0, -1).join('\n'),
    );
    expect(good.body).toEqual({ received: 6000, inserted: 6000, updated: 0 });
  });

  it('refuses a bulk upload with bad rows, naming their lines, and writes nothing', async () => {
    const { admin, project } = await env().factory.workspace();
    await setCriterion(admin.client, project.id);
    const csv = [
      'entity,period,modelVersion,score',
      `A,${D1},v1,0.9`,
      `B,${D1},v1,high`,
      `C,2026-02-30,v1,0.5`,
      `D,${D1},v1,`,
      `E,${D1}`,
    ].join('\n');
    const bad = await postRaw(admin.client, project.id, 'predictions', 'text/csv', csv);
    expect(bad.status).toBe(400);
    const details = (bad.body as unknown as ErrorBody).error.details as {
      badRows: number;
      lines: { line: number }[];
    };
    expect(details.badRows).toBe(4);
    expect(details.lines.map((l) => l.line)).toEqual([3, 4, 5, 6]);
    const ndjson = [
      JSON.stringify({ entity: 'A', time: '2026-11-02T10:00:00Z', event: 'failure' }),
      '{"entity": "B", "time": ',
      JSON.stringify({ entity: 'C', time: 'yesterday', event: 'failure' }),
      '',
      JSON.stringify({ entity: 'D', time: '2026-11-02T11:00:00Z', event: 'failure' }),
    ].join('\n');
    const badOutcomes = await postRaw(
      admin.client,
      project.id,
      'outcomes',
      'application/x-ndjson',
      ndjson,
    );
    expect(badOutcomes.status).toBe(400);
    expect(
      ((badOutcomes.body as unknown as ErrorBody).error.details.lines as { line: number }[]).map(
        (l) => l.line,
      ),
    ).toEqual([2, 3]);
    // Nothing was half written: the good rows of both uploads are absent.
    const report = await production(admin.client, project.id);
    expect(report.periods).toEqual([]);
    // The good NDJSON alone goes in.
    const good = await postRaw(
      admin.client,
      project.id,
      'outcomes',
      'application/x-ndjson',
      [ndjson.split('\n')[0], ndjson.split('\n')[4]].join('\n'),
    );
    expect(good.body).toEqual({ received: 2, inserted: 2, updated: 0 });
    // A JSON body names the field at fault.
    const json = await post(admin.client, project.id, 'decisions', [
      { entity: 'A', period: D1, acted: 'yes' },
    ]);
    expect(json.status).toBe(400);
    expect((json.body as unknown as ErrorBody).error.details.field).toBe('items.0.acted');
  });

  it('raises operator_disagreement_rising after 4 rising days and clears it after a calm day', async () => {
    const { admin, project } = await env().factory.workspace();
    await setCriterion(admin.client, project.id);
    const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14'];
    // Top 2 is A, B every day; the operators act on: A B (0/2), A B C (1/3), A (1/2),
    // A C (2/3), then A B again (0/2).
    const acted = [['A', 'B'], ['A', 'B', 'C'], ['A'], ['A', 'C'], ['A', 'B']];
    const rules = async () => {
      const kpis = await admin.client.get<ProjectKpis>(`/projects/${project.id}/kpis`);
      expect(kpis.status).toBe(200);
      return kpis.body.alerts.map((a) => a.rule);
    };
    for (const [i, day] of days.entries()) {
      await post(
        admin.client,
        project.id,
        'predictions',
        ['A', 'B', 'C', 'D'].map((e, rank) => prediction(day, e, 1 - rank / 10)),
      );
      await post(
        admin.client,
        project.id,
        'decisions',
        acted[i]!.map((entity) => ({ entity, period: day, acted: true })),
      );
      if (i === 2) expect(await rules()).not.toContain('operator_disagreement_rising');
      if (i === 3) {
        expect(await rules()).toContain('operator_disagreement_rising');
        const kpis = await admin.client.get<ProjectKpis>(`/projects/${project.id}/kpis`);
        const alert = kpis.body.alerts.find((a) => a.rule === 'operator_disagreement_rising');
        expect(alert?.message).toContain('0% → 33% → 50% → 67%');
      }
    }
    expect(await rules()).not.toContain('operator_disagreement_rising');
  });

  it('turns a disagreement reason into an improvement idea in one action', async () => {
    const { admin, project } = await env().factory.workspace();
    await loadFixture(admin.client, project.id);
    const created = await admin.client.post<BacklogItem>(
      `/projects/${project.id}/production/reasons/backlog`,
      { reason: 'sensor glitch', from: D1, to: D2 },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ projectId: project.id, status: 'idea' });
    expect(created.body.observation).toContain('2 times');
    expect(created.body.observation).toContain('"sensor glitch"');
    expect(created.body.observation).toContain(`${D1} to ${D2}`);
    const backlog = await admin.client.get<{ items: BacklogItem[] }>(
      `/projects/${project.id}/backlog`,
    );
    expect(backlog.body.items.map((i) => i.id)).toEqual([created.body.id]);
    const unknown = await admin.client.post(`/projects/${project.id}/production/reasons/backlog`, {
      reason: 'never said',
      from: D1,
      to: D2,
    });
    expect(unknown.status).toBe(422);
  });

  it('lets members and the project CI token post, refuses viewers and hides other teams', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const stranger = await env().factory.workspace();
    const one = [prediction(D1, 'A', 0.5)];
    expect((await post(viewer.client, project.id, 'predictions', one)).status).toBe(403);
    expect((await post(stranger.admin.client, project.id, 'predictions', one)).status).toBe(404);
    expect((await stranger.admin.client.get(`/projects/${project.id}/production`)).status).toBe(
      404,
    );
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'scoring job',
    });
    expect(token.status).toBe(201);
    const ci = admin.client.withBearer(token.body.token);
    expect((await post(ci, project.id, 'predictions', one)).body).toEqual({
      received: 1,
      inserted: 1,
      updated: 0,
    });
    const csv = `entity,period,acted,reason\nA,${D1},0,busy\n`;
    expect((await postRaw(ci, project.id, 'decisions', 'text/csv', csv)).status).toBe(200);
    // The CI token reaches only routes naming its scope, and only its own project.
    expect((await ci.get(`/projects/${project.id}/production`)).status).toBe(403);
    expect((await post(ci, stranger.project.id, 'predictions', one)).status).toBe(404);
    expect((await post(admin.client, project.id, 'nonsense', one)).status).toBe(400);
  });
});
