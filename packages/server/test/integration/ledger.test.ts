import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ErrorBody, LedgerEntry, LedgerPage, RoiResponse } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';

async function record(
  client: TestClient,
  projectId: string,
  entry: Record<string, unknown>,
): Promise<LedgerEntry> {
  const reply = await client.post<LedgerEntry>(`/projects/${projectId}/ledger`, {
    currency: 'EUR',
    status: 'realized',
    ...entry,
  });
  if (reply.status !== 201) throw new Error(`entry: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const cost = (date: string, amount: number) => ({
  kind: 'cost',
  category: 'infrastructure',
  amount,
  date,
});
const saving = (date: string, amount: number) => ({
  kind: 'return',
  category: 'savings',
  amount,
  date,
});

const fieldsOf = (body: ErrorBody) =>
  (body.error.details.fields as { field: string }[]).map((f) => f.field);

describeEachDatabase('ROI ledger', (env) => {
  it('records a people cost as days × rate and lists entries by day, newest first', async () => {
    env().clock.set(new Date('2027-06-15T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    const people = await record(admin.client, project.id, {
      kind: 'cost',
      category: 'people',
      peopleDays: 12.5,
      dayRate: 640.4,
      date: '2027-05-31',
      note: 'Two data scientists, May',
    });
    // 12.5 × 640.40 = 8,005.00
    expect(people).toMatchObject({
      amount: 8005,
      peopleDays: 12.5,
      dayRate: 640.4,
      currency: 'EUR',
      note: 'Two data scientists, May',
      createdBy: { id: admin.user.id },
    });
    const licence = await record(admin.client, project.id, {
      kind: 'cost',
      category: 'licences',
      amount: 1200.99,
      date: '2027-06-01',
    });
    const older = await record(admin.client, project.id, saving('2027-01-10', 300));
    const list = await admin.client.get<LedgerPage>(`/projects/${project.id}/ledger?limit=2`);
    expect(list.body.items.map((e) => e.id)).toEqual([licence.id, people.id]);
    const next = await admin.client.get<LedgerPage>(
      `/projects/${project.id}/ledger?limit=2&cursor=${list.body.nextCursor}`,
    );
    expect(next.body.items.map((e) => e.id)).toEqual([older.id]);
    expect(next.body.nextCursor).toBeNull();
    // Costs 8,005 + 1,200.99 = 9,205.99; ROI (300 − 9,205.99) / 9,205.99 = −0.96741…
    expect(list.body.roi).toMatchObject({ currency: 'EUR', costs: 9205.99, realizedReturns: 300 });
    expect(list.body.roi.roi).toBe(-0.9674);
  });

  it('refuses bad entries with 400 naming the field', async () => {
    const { admin, project } = await env().factory.workspace();
    const post = (body: Record<string, unknown>) =>
      admin.client.post<ErrorBody>(`/projects/${project.id}/ledger`, {
        currency: 'EUR',
        status: 'realized',
        date: '2026-01-01',
        ...body,
      });
    expect(
      fieldsOf((await post({ kind: 'cost', category: 'infrastructure', amount: 0 })).body),
    ).toEqual(['amount']);
    expect(fieldsOf((await post({ kind: 'return', category: 'people', amount: 5 })).body)).toEqual([
      'category',
    ]);
    expect(
      fieldsOf((await post({ kind: 'cost', category: 'people', peopleDays: 3 })).body),
    ).toEqual(['dayRate']);
    expect(
      fieldsOf((await post({ kind: 'cost', category: 'other', amount: 5, currency: 'euro' })).body),
    ).toEqual(['currency']);
    const list = await admin.client.get<LedgerPage>(`/projects/${project.id}/ledger`);
    expect(list.body.items).toEqual([]);
  });

  it('fixes the currency with the first entry and refuses another with 422, storing nothing', async () => {
    env().clock.set(new Date('2027-06-15T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    await record(admin.client, project.id, cost('2027-06-01', 1000));
    const usd = await admin.client.post<ErrorBody>(`/projects/${project.id}/ledger`, {
      ...saving('2027-06-02', 400),
      status: 'realized',
      currency: 'USD',
    });
    expect(usd.status).toBe(422);
    expect(usd.body.error.details).toMatchObject({ field: 'currency', projectCurrency: 'EUR' });
    expect(usd.body.error.message).toContain('EUR');
    const list = await admin.client.get<LedgerPage>(`/projects/${project.id}/ledger`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.roi.realizedReturns).toBe(0);

    const future = await admin.client.post<ErrorBody>(`/projects/${project.id}/ledger`, {
      ...saving('2027-07-01', 400),
      status: 'realized',
      currency: 'EUR',
    });
    expect(future.status).toBe(422);
    expect(future.body.error.details.field).toBe('date');
  });

  it('computes ROI with and without estimates, the curves and the break-even month', async () => {
    env().clock.set(new Date('2027-06-15T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    // January: 12.5 people-days at 800 = 10,000; February to June: 10,000 of infrastructure.
    await record(admin.client, project.id, {
      kind: 'cost',
      category: 'people',
      peopleDays: 12.5,
      dayRate: 800,
      date: '2027-01-05',
    });
    for (const m of ['02', '03', '04', '05', '06']) {
      await record(admin.client, project.id, cost(`2027-${m}-05`, 10_000));
    }
    // Realized savings 2,000 … 10,000 from February: monthly net −10,000 … 0, slope +2,000.
    for (const [m, amount] of [
      ['02', 2_000],
      ['03', 4_000],
      ['04', 6_000],
      ['05', 8_000],
      ['06', 10_000],
    ] as const) {
      await record(admin.client, project.id, saving(`2027-${m}-10`, amount));
    }
    await record(admin.client, project.id, {
      kind: 'return',
      category: 'revenue',
      amount: 90_000,
      status: 'estimated',
      date: '2027-12-01',
    });

    const { body } = await admin.client.get<RoiResponse>(`/projects/${project.id}/roi`);
    // Costs 60,000; realized 30,000: (30,000 − 60,000) / 60,000 = −0.5.
    // With the 90,000 estimate: (120,000 − 60,000) / 60,000 = 1.
    expect(body).toMatchObject({
      currency: 'EUR',
      costs: 60_000,
      realizedReturns: 30_000,
      estimatedReturns: 90_000,
      roi: -0.5,
      roiWithEstimates: 1,
    });
    // Cumulative net −30,000 at the end of June; July +2,000 … November +10,000 → 0.
    expect(body.breakEven).toMatchObject({
      status: 'projected',
      month: '2027-11',
      date: '2027-11-30',
      reason: null,
    });
    expect(body.method).toContain('Least squares');
    expect(body.curves).toHaveLength(12);
    expect(body.curves[5]).toEqual({
      month: '2027-06',
      cost: 60_000,
      realizedReturn: 30_000,
      totalReturn: 30_000,
    });
    expect(body.curves[11]).toMatchObject({ month: '2027-12', totalReturn: 120_000 });

    const fromService = await env().services.ledger.roi(
      project.id,
      new Date('2027-06-15T00:00:00Z'),
    );
    expect(fromService.breakEven.month).toBe('2027-11');
  });

  it('says break-even is not in sight when returns fall', async () => {
    env().clock.set(new Date('2027-06-30T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    for (const m of ['01', '02', '03', '04', '05', '06']) {
      await record(admin.client, project.id, cost(`2027-${m}-01`, 10_000));
    }
    for (const [m, amount] of [
      ['01', 8_000],
      ['02', 6_000],
      ['03', 4_000],
      ['04', 2_000],
    ] as const) {
      await record(admin.client, project.id, saving(`2027-${m}-15`, amount));
    }
    const { body } = await admin.client.get<RoiResponse>(`/projects/${project.id}/roi`);
    // (20,000 − 60,000) / 60,000 = −0.6667
    expect(body.roi).toBe(-0.6667);
    expect(body.breakEven).toMatchObject({ status: 'not_in_sight', month: null, date: null });
    expect(body.breakEven.reason).toContain('flat or falling');
  });

  it('gives viewers 403 on writes and another team 404', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const entry = { ...cost('2026-01-01', 10), currency: 'EUR', status: 'realized' };
    expect((await viewer.client.post(`/projects/${project.id}/ledger`, entry)).status).toBe(403);
    // The viewer reads the ROI, and the refused write stored nothing.
    const roi = await viewer.client.get<RoiResponse>(`/projects/${project.id}/roi`);
    expect(roi.status).toBe(200);
    expect(roi.body).toMatchObject({ currency: null, costs: 0, roi: null });
    const outsider = await env().factory.workspace();
    const foreign = await outsider.admin.client.get(`/projects/${project.id}/roi`);
    const missing = await outsider.admin.client.get(`/projects/${randomUUID()}/roi`);
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
    expect((await outsider.admin.client.post(`/projects/${project.id}/ledger`, entry)).status).toBe(
      404,
    );
  });
});
