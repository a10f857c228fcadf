import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type {
  CreatedToken,
  ErrorBody,
  Goal,
  GoalMeasurement,
  GoalMeasurements,
  Portfolio,
  ProjectKpis,
} from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';

/** Downtime from 120 h a month to 60 h by 30 June 2027 (the clock starts on 18 Nov 2026). */
async function goalOfDowntime(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace();
  const goal = await admin.client.post<Goal>(`/projects/${project.id}/goals`, {
    statement: 'Halve unplanned pump downtime by the end of June',
    metric: 'Unplanned downtime hours per month',
    direction: 'decrease',
    baseline: 120,
    target: 60,
    deadline: '2027-06-30',
    unit: 'hours',
  });
  expect(goal.status).toBe(201);
  return { admin, team, project, goal: goal.body, url: `/goals/${goal.body.id}/measurements` };
}

describeEachDatabase('business goal measurements', (env) => {
  it('says "no measurement yet", then measures progress and pace from people and CI', async () => {
    const { admin, project, url } = await goalOfDowntime(env());
    const empty = await admin.client.get<GoalMeasurements>(url);
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
    expect(empty.body.progress).toMatchObject({ status: 'no_measurement', progress: null });

    const byPerson = await admin.client.post<GoalMeasurement>(url, {
      value: 114,
      measuredAt: '2026-10-01T00:00:00Z',
      source: 'Maintenance report, September',
      note: 'Before the pilot',
    });
    expect(byPerson.status).toBe(201);
    expect(byPerson.body).toMatchObject({
      value: 114,
      measuredAt: '2026-10-01T00:00:00.000Z',
      provenance: 'manual',
      postedBy: { id: admin.user.id },
    });
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    const byCi = await admin.client.withBearer(token.body.token).post<GoalMeasurement>(url, {
      value: 105,
      measuredAt: '2026-10-31T00:00:00+00:00',
      source: 'Downtime dashboard export',
    });
    expect(byCi.status).toBe(201);
    expect(byCi.body).toMatchObject({ provenance: 'ci', postedBy: null, note: null });

    const listed = await admin.client.get<GoalMeasurements>(url);
    expect(listed.body.items.map((m) => m.value)).toEqual([114, 105]);
    // (105 − 120) / (60 − 120) = 0.25; −9 h in 30 days = −0.3 a day; 242 days from 31 Oct
    // to 30 Jun: 105 − 72.6 = 32.4 ≤ 60, so on pace.
    expect(listed.body.progress.progress).toBeCloseTo(0.25, 12);
    expect(listed.body.progress.pacePerDay).toBeCloseTo(-0.3, 12);
    expect(listed.body.progress.projectedAtDeadline).toBeCloseTo(32.4, 9);
    expect(listed.body.progress.status).toBe('on_pace');
    expect(listed.body.rule).toContain('least-squares');
  });

  it('refuses bad values naming the field, and writes nothing', async () => {
    const { admin, url } = await goalOfDowntime(env());
    const cases: [unknown, string][] = [
      [{ value: 'a lot', measuredAt: '2026-10-01T00:00:00Z', source: 's' }, 'value'],
      [{ value: 1, measuredAt: '1 October', source: 's' }, 'measuredAt'],
      [{ value: 1, measuredAt: '2026-10-01T00:00:00Z', source: ' ' }, 'source'],
      [{ value: 1, measuredAt: '2026-10-01T00:00:00Z' }, 'source'],
      [{ value: 1, measuredAt: '2027-01-01T00:00:00Z', source: 's' }, 'measuredAt'],
    ];
    for (const [body, field] of cases) {
      const reply = await admin.client.post<ErrorBody>(url, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(reply.body.error), JSON.stringify(body)).toContain(field);
    }
    expect((await admin.client.get<GoalMeasurements>(url)).body.items).toEqual([]);
  });

  it("answers another team's goal like a missing one, and lets a viewer read but not post", async () => {
    const { admin, team, url } = await goalOfDowntime(env());
    const outsider = (await env().factory.workspace()).admin;
    const foreign = await outsider.client.get<ErrorBody>(url);
    const missing = await outsider.client.get<ErrorBody>(`/goals/${randomUUID()}/measurements`);
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    expect((await viewer.client.get(url)).status).toBe(200);
    const refused = await viewer.client.post(url, {
      value: 100,
      measuredAt: '2026-10-01T00:00:00Z',
      source: 'x',
    });
    expect(refused.status).toBe(403);
  });

  it('opens goal_off_pace when the pace misses the deadline, and clears it when it does not', async () => {
    const { admin, project, url } = await goalOfDowntime(env());
    const measure = async (value: number, day: string) =>
      expect(
        (await admin.client.post(url, { value, measuredAt: `${day}T00:00:00Z`, source: 'report' }))
          .status,
      ).toBe(201);
    const offPace = async () => {
      const kpis = await admin.client.get<ProjectKpis>(`/projects/${project.id}/kpis`);
      const alert = kpis.body.alerts.find((a) => a.rule === 'goal_off_pace');
      // The portfolio judges the same measurements in bulk and says the same.
      const row = (await admin.client.get<Portfolio>('/portfolio')).body.items.find(
        (p) => p.id === project.id,
      );
      expect(row?.reasons.includes(alert?.message ?? '')).toBe(alert !== undefined);
      return alert;
    };
    await measure(114, '2026-10-01');
    expect(await offPace()).toBeUndefined();
    // −1.5 h in 30 days: −0.05 a day × 242 days to 30 June = 100.4 h, far from 60.
    await measure(112.5, '2026-10-31');
    const alert = await offPace();
    expect(alert?.message).toBe(
      '"Halve unplanned pump downtime by the end of June" will not reach its target by the deadline at this pace: about 100 hours on 30 Jun 2027 against 60 hours.',
    );
    // 90 h on 15 Nov: slope −487.5 / 1050 = −0.464 a day × 227 days → about −15 h: on pace.
    await measure(90, '2026-11-15');
    expect(await offPace()).toBeUndefined();
  });
});
