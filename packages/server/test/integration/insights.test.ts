import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ErrorBody, Insight, InsightPage } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';

async function propose(
  client: TestClient,
  projectId: string,
  over: Record<string, unknown> = {},
): Promise<Insight> {
  const reply = await client.post<Insight>(`/projects/${projectId}/insights`, {
    title: 'Send the repair crew to the 10 highest-scored pumps each morning',
    description: 'The model ranks pumps; the crew visits the top 10.',
    businessArea: 'operations',
    estimatedValue: { amount: 12_000, currency: 'EUR' },
    ...over,
  });
  if (reply.status !== 201)
    throw new Error(`insight: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function move(client: TestClient, id: string, status: string, date?: string) {
  const reply = await client.patch<Insight>(
    `/insights/${id}`,
    date ? { status, date } : { status },
  );
  if (reply.status !== 200) throw new Error(`move: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const fieldsOf = (body: ErrorBody) =>
  (body.error.details.fields as { field: string }[]).map((f) => f.field);

describeEachDatabase('actionable insights', (env) => {
  it('proposes, lists newest first with filters, and moves an insight stamping each day', async () => {
    env().clock.set(new Date('2027-04-10T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    const first = await propose(admin.client, project.id, { proposedAt: '2027-03-01' });
    const second = await propose(admin.client, project.id, {
      title: 'Reorder seals when stock falls under 40',
      businessArea: 'inventory',
      estimatedValue: null,
    });
    expect(first).toMatchObject({
      status: 'proposed',
      proposedAt: '2027-03-01',
      acceptedAt: null,
      allowedMoves: ['accepted', 'rejected'],
      estimatedValue: { amount: 12_000, currency: 'EUR' },
      createdBy: { id: admin.user.id },
    });
    expect(second.proposedAt).toBe('2027-04-10');

    const accepted = await move(admin.client, first.id, 'accepted', '2027-03-20');
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: '2027-03-20' });
    const implemented = await move(admin.client, first.id, 'implemented');
    expect(implemented).toMatchObject({
      status: 'implemented',
      acceptedAt: '2027-03-20',
      implementedAt: '2027-04-10',
      allowedMoves: [],
    });

    const list = await admin.client.get<InsightPage>(`/projects/${project.id}/insights`);
    expect(list.body.items.map((i) => i.id)).toEqual([second.id, first.id]);
    const byArea = await admin.client.get<InsightPage>(
      `/projects/${project.id}/insights?area=inventory`,
    );
    expect(byArea.body.items.map((i) => i.id)).toEqual([second.id]);
    const byStatus = await admin.client.get<InsightPage>(
      `/projects/${project.id}/insights?status=implemented`,
    );
    expect(byStatus.body.items.map((i) => i.id)).toEqual([first.id]);
    const page1 = await admin.client.get<InsightPage>(`/projects/${project.id}/insights?limit=1`);
    expect(page1.body.items.map((i) => i.id)).toEqual([second.id]);
    const page2 = await admin.client.get<InsightPage>(
      `/projects/${project.id}/insights?limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((i) => i.id)).toEqual([first.id]);
    expect(page2.body.nextCursor).toBeNull();

    const edited = await admin.client.patch<Insight>(`/insights/${second.id}`, {
      title: 'Reorder seals under 30',
      estimatedValue: { amount: 800.5, currency: 'USD' },
    });
    expect(edited.body).toMatchObject({
      title: 'Reorder seals under 30',
      status: 'proposed',
      estimatedValue: { amount: 800.5, currency: 'USD' },
    });
  });

  it('refuses illegal moves with 422 naming status and the allowed moves, changing nothing', async () => {
    env().clock.set(new Date('2027-04-10T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    const insight = await propose(admin.client, project.id);
    const skip = await admin.client.patch<ErrorBody>(`/insights/${insight.id}`, {
      status: 'implemented',
      title: 'Changed',
    });
    expect(skip.status).toBe(422);
    expect(skip.body.error.details).toMatchObject({
      field: 'status',
      allowedMoves: ['accepted', 'rejected'],
    });
    expect(skip.body.error.message).toContain('status');
    expect(skip.body.error.message).toContain('accepted or rejected');

    await move(admin.client, insight.id, 'rejected');
    const back = await admin.client.patch<ErrorBody>(`/insights/${insight.id}`, {
      status: 'accepted',
    });
    expect(back.status).toBe(422);
    expect(back.body.error.message).toContain('rejected is final');

    const future = await propose(admin.client, project.id);
    const tomorrow = await admin.client.patch<ErrorBody>(`/insights/${future.id}`, {
      status: 'accepted',
      date: '2027-04-11',
    });
    expect(tomorrow.status).toBe(422);
    expect(tomorrow.body.error.details.field).toBe('date');
    const beforeProposed = await admin.client.patch<ErrorBody>(`/insights/${future.id}`, {
      status: 'accepted',
      date: '2027-04-01',
    });
    expect(beforeProposed.status).toBe(422);

    const stored = await admin.client.get<InsightPage>(`/projects/${project.id}/insights`);
    expect(stored.body.items.find((i) => i.id === insight.id)).toMatchObject({
      title: insight.title,
      status: 'rejected',
    });
    expect(stored.body.items.find((i) => i.id === future.id)).toMatchObject({
      status: 'proposed',
      acceptedAt: null,
    });
  });

  it('refuses a value without its currency with 400 naming the field', async () => {
    const { admin, project } = await env().factory.workspace();
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/insights`, {
      title: 'Raise prices on slow movers',
      businessArea: 'sales',
      estimatedValue: { amount: 5000 },
    });
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual(['estimatedValue.currency']);
  });

  it('gives the KPIs per month and quarter, values per currency', async () => {
    const { admin, project } = await env().factory.workspace();
    env().clock.set(new Date('2027-01-05T09:00:00Z'));
    const a = await propose(admin.client, project.id, { proposedAt: '2026-12-01' });
    const b = await propose(admin.client, project.id, {
      proposedAt: '2026-12-01',
      estimatedValue: { amount: 500, currency: 'USD' },
    });
    const c = await propose(admin.client, project.id, {
      proposedAt: '2026-12-01',
      estimatedValue: { amount: 250.25, currency: 'EUR' },
    });
    const d = await propose(admin.client, project.id, { proposedAt: '2026-12-01' });
    // Accepted on the last day of Q4 2026.
    await move(admin.client, a.id, 'accepted', '2026-12-31');
    env().clock.set(new Date('2027-04-10T09:00:00Z'));
    // Accepted on the first day of Q2, implemented the same quarter.
    await move(admin.client, a.id, 'implemented', '2027-04-01');
    await move(admin.client, b.id, 'accepted', '2027-04-01');
    await move(admin.client, c.id, 'accepted', '2027-03-31');
    await move(admin.client, d.id, 'accepted', '2027-02-10');
    await move(admin.client, d.id, 'rejected', '2027-02-11');

    const { body } = await admin.client.get<InsightPage>(`/projects/${project.id}/insights`);
    // Dec: a (12,000 EUR). Jan, Feb: nothing (d was rejected). Mar: c (250.25 EUR).
    // Apr: b accepted (500 USD), a implemented.
    expect(body.kpis.months.map((m) => [m.period, m.delivered, m.implemented, m.value])).toEqual([
      ['2026-12', 1, 0, [{ currency: 'EUR', amount: 12_000 }]],
      ['2027-01', 0, 0, []],
      ['2027-02', 0, 0, []],
      ['2027-03', 1, 0, [{ currency: 'EUR', amount: 250.25 }]],
      ['2027-04', 1, 1, [{ currency: 'USD', amount: 500 }]],
    ]);
    expect(body.kpis.quarters.map((q) => [q.period, q.delivered, q.implemented])).toEqual([
      ['2026-Q4', 1, 0],
      ['2027-Q1', 1, 0],
      ['2027-Q2', 1, 1],
    ]);
    expect(body.kpis.thisQuarter).toBe('2027-Q2');
    expect(body.kpis.deliveredThisQuarter).toBe(1);
    expect(body.kpis.valueThisQuarter).toEqual([{ currency: 'USD', amount: 500 }]);
    const fromService = await env().services.insights.kpis(
      project.id,
      new Date('2027-04-10T00:00:00Z'),
    );
    expect(fromService.deliveredThisQuarter).toBe(1);
  });

  it('gives viewers 403 on writes and another team 404 like a missing insight', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const insight = await propose(admin.client, project.id);
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const read = await viewer.client.get<InsightPage>(`/projects/${project.id}/insights`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((i) => i.id)).toEqual([insight.id]);
    const post = await viewer.client.post(`/projects/${project.id}/insights`, {
      title: 'x',
      businessArea: 'sales',
    });
    expect(post.status).toBe(403);
    expect(
      (await viewer.client.patch(`/insights/${insight.id}`, { status: 'accepted' })).status,
    ).toBe(403);
    const outsider = await env().factory.workspace();
    const foreign = await outsider.admin.client.patch(`/insights/${insight.id}`, {
      status: 'accepted',
    });
    const missing = await outsider.admin.client.patch(`/insights/${randomUUID()}`, {
      status: 'accepted',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
    expect((await outsider.admin.client.get(`/projects/${project.id}/insights`)).status).toBe(404);
  });
});
