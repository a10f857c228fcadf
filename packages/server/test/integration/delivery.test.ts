import { expect, it } from 'vitest';
import type { Delivery, ProjectDetail, StoryStatus } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';
import { addStory, closeSprint, createSprint, plusDays, startSprint } from '../support/sprints.js';

type Who = 'ada' | 'ben' | 'chloe' | 'dev';
type Row = [Who, StoryStatus, number | null];

/**
 * Six two-week sprints, four people; statuses at close and points. Hand-computed:
 *
 * | sprint | stories (who status points)                          | delivered/committed | points   | carried |
 * | 1      | ada done 3, ada done 2, ben done 5, chloé todo 3, dev done 1 | 4/5 = 0.8   | 11/14    | 0 |
 * | 2      | ada done 3, ben done 2, ben in_progress 3, chloé todo 5, dev in_progress 2 | 2/5 = 0.4 | 5/15 | 0 |
 * | 3      | ada done 2, ben done 1, chloé todo 3, chloé todo –, dev done 2 | 3/5 = 0.6 | 5/8 | 0 |
 * | 4      | ada in_progress 2, ben done 3, chloé done 1, dev todo 2     | 2/4 = 0.5   | 4/8      | 0 |
 * | 5      | ada todo 3 (carried), ada todo 1, ben done 2, chloé in_progress 5 | 1/4 = 0.25 | 2/11 | 1 |
 * | 6      | ada done 3 (the carried copy), ben todo 2, chloé todo 1, dev todo 2 | 1/4 = 0.25 | 3/8 | 0 |
 *
 * Last 4 closed sprints (3–6) per person: ada 2/5, ben 3/4, chloé 1/5, dev 1/3; sprints
 * with an undelivered story: ada 2, ben 1, chloé 3, dev 2.
 * Trend over sprints 3–6 (0.6, 0.5, 0.25, 0.25): slope −0.65/5 = −0.13 → declining.
 * Overall 13/27 delivered, 1/27 carried over.
 * Warnings: sprints 5 and 6 both under 50 % → low_delivery_streak; chloé undelivered in
 * 3 of the last 4 → person_not_delivering.
 */
const SPRINTS: Row[][] = [
  [
    ['ada', 'done', 3],
    ['ada', 'done', 2],
    ['ben', 'done', 5],
    ['chloe', 'todo', 3],
    ['dev', 'done', 1],
  ],
  [
    ['ada', 'done', 3],
    ['ben', 'done', 2],
    ['ben', 'in_progress', 3],
    ['chloe', 'todo', 5],
    ['dev', 'in_progress', 2],
  ],
  [
    ['ada', 'done', 2],
    ['ben', 'done', 1],
    ['chloe', 'todo', 3],
    ['chloe', 'todo', null],
    ['dev', 'done', 2],
  ],
  [
    ['ada', 'in_progress', 2],
    ['ben', 'done', 3],
    ['chloe', 'done', 1],
    ['dev', 'todo', 2],
  ],
  [
    ['ada', 'todo', 3],
    ['ada', 'todo', 1],
    ['ben', 'done', 2],
    ['chloe', 'in_progress', 5],
  ],
  [
    ['ben', 'todo', 2],
    ['chloe', 'todo', 1],
    ['dev', 'todo', 2],
  ],
];
const FIRST_MONDAY = '2026-01-05';

async function buildHistory(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace();
  const people = {} as Record<Who, SignedIn>;
  const names: Record<Who, string> = { ada: 'Ada', ben: 'Ben', chloe: 'Chloé', dev: 'Dev' };
  for (const who of Object.keys(names) as Who[]) {
    people[who] = await env.factory.member(team.id, admin, 'member');
    await env.connection.db
      .updateTable('users')
      .set({ name: names[who] })
      .where('id', '=', people[who].user.id)
      .execute();
  }
  const sprintIds: string[] = [];
  // Sprint 5's close creates sprint 6 and carries ada's first story into it.
  let planned: { id: string; carriedCopyId: string } | null = null;
  for (const [index, rows] of SPRINTS.entries()) {
    const start = plusDays(FIRST_MONDAY, index * 14);
    const sprintId =
      planned?.id ?? (await createSprint(admin.client, project.id, start, plusDays(start, 11))).id;
    sprintIds.push(sprintId);
    const created = [];
    for (const [who, , points] of rows) {
      created.push(
        await addStory(admin.client, sprintId, {
          assigneeId: people[who].user.id,
          status: 'todo',
          points,
        }),
      );
    }
    await startSprint(admin.client, sprintId);
    for (const [i, [, status]] of rows.entries()) {
      if (status !== 'todo') await admin.client.patch(`/stories/${created[i]!.id}`, { status });
    }
    if (planned) await admin.client.patch(`/stories/${planned.carriedCopyId}`, { status: 'done' });
    planned = null;
    if (index === 4) {
      const next = { startDate: plusDays(start, 14), endDate: plusDays(start, 25) };
      const closed = await closeSprint(admin.client, sprintId, [created[0]!.id], next);
      planned = { id: closed.nextSprint!.id, carriedCopyId: closed.carriedOver[0]!.id };
    } else {
      await closeSprint(admin.client, sprintId);
    }
  }
  return { admin, team, project, people, sprintIds };
}

describeEachDatabase('delivery KPIs and early warnings', (env) => {
  it('computes every delivery KPI of the hand-computed six-sprint history', async () => {
    const { admin, project, people } = await buildHistory(env());
    const reply = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(reply.status).toBe(200);
    const d = reply.body;
    expect(d.sprints.map((s) => [s.number, s.committed, s.delivered, s.successRate?.rate])).toEqual(
      [
        [1, 5, 4, 0.8],
        [2, 5, 2, 0.4],
        [3, 5, 3, 0.6],
        [4, 4, 2, 0.5],
        [5, 4, 1, 0.25],
        [6, 4, 1, 0.25],
      ],
    );
    expect(
      d.sprints.map((s) => [s.successRateByPoints?.numerator, s.successRateByPoints?.denominator]),
    ).toEqual([
      [11, 14],
      [5, 15],
      [5, 8],
      [4, 8],
      [2, 11],
      [3, 8],
    ]);
    expect(d.sprints.map((s) => s.carryOverRate?.rate)).toEqual([0, 0, 0, 0, 0.25, 0]);
    expect(d.overall.success).toEqual({ numerator: 13, denominator: 27, rate: 13 / 27 });
    expect(d.overall.carryOver).toEqual({ numerator: 1, denominator: 27, rate: 1 / 27 });

    const byName = Object.fromEntries(d.people.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Ada', 'Ben', 'Chloé', 'Dev']);
    expect(byName.Ada?.lastWindow).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    expect(byName.Ben?.lastWindow).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(byName.Chloé?.lastWindow).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
    expect(byName.Dev?.lastWindow).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(d.people.map((p) => [p.name, p.sprintsWithUndelivered])).toEqual([
      ['Ada', 2],
      ['Ben', 1],
      ['Chloé', 3],
      ['Dev', 2],
    ]);
    expect(byName.Ada?.perSprint.map((s) => s.rate)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(byName.Dev?.perSprint.map((s) => `${s.delivered}/${s.committed}`)).toEqual([
      '1/1',
      '0/1',
      '1/1',
      '0/1',
      '0/1',
    ]);

    expect(d.trend.direction).toBe('declining');
    expect(d.trend.slopePerSprint).toBeCloseTo(-0.13, 10);
    expect(d.trend.rates.map((r) => r.rate)).toEqual([0.8, 0.4, 0.6, 0.5, 0.25, 0.25]);

    expect(d.warnings.map((w) => w.rule).sort()).toEqual([
      'low_delivery_streak',
      'person_not_delivering',
    ]);
    const person = d.warnings.find((w) => w.rule === 'person_not_delivering');
    expect(person?.details).toMatchObject({
      assigneeId: people.chloe.user.id,
      sprintsWithUndelivered: 3,
      window: 4,
    });
    expect(person?.message).toBe(
      'Chloé left stories undelivered in 3 of the last 4 closed sprints (Sprint 3: 2, Sprint 5: 1, Sprint 6: 1).',
    );
    const streak = d.warnings.find((w) => w.rule === 'low_delivery_streak');
    expect(streak?.message).toContain('Sprint 5 1/4 (25 %), Sprint 6 1/4 (25 %)');
    expect(d.rules.sprintSuccessRate).toContain('delivered stories / committed stories');

    const detail = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(detail.body.warnings.map((w) => w.rule).sort()).toEqual([
      'low_delivery_streak',
      'person_not_delivering',
    ]);
  });

  it('clears the streak and the person warning when a good sprint ends the conditions', async () => {
    const { admin, project, people } = await buildHistory(env());
    const before = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    const since = before.body.warnings.map((w) => w.since);
    const seventh = await createSprint(
      admin.client,
      project.id,
      plusDays(FIRST_MONDAY, 84),
      plusDays(FIRST_MONDAY, 95),
    );
    const stories = [];
    for (const who of ['ada', 'chloe', 'dev'] as const) {
      stories.push(
        await addStory(admin.client, seventh.id, {
          assigneeId: people[who].user.id,
          status: 'todo',
        }),
      );
    }
    await startSprint(admin.client, seventh.id);
    const during = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(during.body.warnings.map((w) => w.since).sort()).toEqual(
      expect.arrayContaining(since.sort()),
    );
    for (const story of stories)
      await admin.client.patch(`/stories/${story.id}`, { status: 'done' });
    await closeSprint(admin.client, seventh.id);
    const after = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(after.body.warnings).toEqual([]);
    const stored = await env()
      .connection.db.selectFrom('delivery_warnings')
      .select(['rule', 'cleared_at'])
      .where('project_id', '=', project.id)
      .where('rule', 'in', ['low_delivery_streak', 'person_not_delivering'])
      .execute();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.every((w) => w.cleared_at !== null)).toBe(true);
  });

  it('warns while an active sprint is past its end date, and clears at close', async () => {
    const { admin, project } = await env().factory.workspace();
    const today = env().clock.now().toISOString().slice(0, 10);
    const sprint = await createSprint(
      admin.client,
      project.id,
      plusDays(today, -20),
      plusDays(today, -3),
      'Late sprint',
    );
    await addStory(admin.client, sprint.id, { assigneeId: null, status: 'done' });
    await startSprint(admin.client, sprint.id);
    const overdue = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(overdue.body.warnings).toEqual([
      expect.objectContaining({
        rule: 'sprint_overdue',
        details: {
          sprintId: sprint.id,
          name: 'Late sprint',
          endDate: plusDays(today, -3),
          overdueDays: 3,
        },
      }),
    ]);
    env().clock.advance(86_400_000);
    const later = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(later.body.warnings[0]?.details.overdueDays).toBe(4);
    expect(later.body.warnings[0]?.since).toBe(overdue.body.warnings[0]?.since);
    await closeSprint(admin.client, sprint.id);
    const closed = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(closed.body.warnings).toEqual([]);
  });

  it('warns about a sprint with no story while it is active or about to start, and clears once it has one', async () => {
    const { admin, project } = await env().factory.workspace();
    const today = env().clock.now().toISOString().slice(0, 10);
    const far = await createSprint(
      admin.client,
      project.id,
      plusDays(today, 30),
      plusDays(today, 43),
    );
    const soon = await createSprint(
      admin.client,
      project.id,
      plusDays(today, 2),
      plusDays(today, 15),
      'Soon',
    );
    const first = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(first.body.warnings.map((w) => [w.rule, w.details.sprintId])).toEqual([
      ['sprint_empty', soon.id],
    ]);
    expect(first.body.warnings[0]?.message).toContain('Soon (planned');
    expect(far.id).not.toBe(soon.id);
    await addStory(admin.client, soon.id, { assigneeId: null, status: 'todo' });
    const second = await admin.client.get<Delivery>(`/projects/${project.id}/delivery`);
    expect(second.body.warnings).toEqual([]);
  });
});
