import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { ErrorBody, JiraImportResult, Sprint, SprintDetail, Story } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { SignedIn } from '../support/factory.js';
import { createSprint } from '../support/sprints.js';

const EXPORT = readFileSync(new URL('../fixtures/jira-export.csv', import.meta.url), 'utf8');
/** Inside the fixture's third sprint (25 Mar – 7 Apr 2024 when laid out in two-week sprints). */
const DURING_SPRINT_3 = new Date('2024-03-30T12:00:00Z');

function importJira(who: SignedIn, projectId: string, csv: string, query = '') {
  return who.client.request<JiraImportResult & ErrorBody>(
    'POST',
    `/projects/${projectId}/imports/jira${query}`,
    undefined,
    { rawBody: csv, headers: { 'content-type': 'text/csv' } },
  );
}

/** The fixture's assignees as team members; Sam Carter is left out on purpose. */
async function addFixturePeople(env: TestEnv, admin: SignedIn, teamId: string) {
  const people: Record<string, string> = {};
  // Zoë is written decomposed (o + combining diaeresis) to show names compare NFC-normalised.
  for (const name of ['José Müller', 'Zoe\u0308 Ødegård', '王芳']) {
    const person = await env.factory.user({ name });
    const added = await admin.client.post(`/teams/${teamId}/members`, {
      email: person.user.email,
      role: 'member',
    });
    expect(added.status).toBe(201);
    people[name.normalize('NFC')] = person.user.id;
  }
  return people;
}

async function sprintDetails(who: SignedIn, projectId: string) {
  const list = await who.client.get<{ items: Sprint[] }>(`/projects/${projectId}/sprints`);
  return Promise.all(
    list.body.items.map(async (s) => (await who.client.get<SprintDetail>(`/sprints/${s.id}`)).body),
  );
}

const byKey = (stories: Story[], key: string) => stories.find((s) => s.external?.key === key);

describeEachDatabase('Jira CSV import', (env) => {
  it('imports the export: sprints laid end to end, stories carried between them, line 7 reported', async () => {
    env().clock.set(DURING_SPRINT_3);
    const { admin, team, project } = await env().factory.workspace();
    const people = await addFixturePeople(env(), admin, team.id);

    const first = await importJira(admin, project.id, EXPORT);
    expect(first.status).toBe(200);
    expect(first.body.rows).toBe(14);
    expect(first.body.sprints).toMatchObject([
      {
        name: 'PDM Sprint 1',
        startDate: '2024-02-26',
        endDate: '2024-03-10',
        state: 'closed',
        result: 'created',
        stories: 5,
      },
      {
        name: 'PDM Sprint 2',
        startDate: '2024-03-11',
        endDate: '2024-03-24',
        state: 'closed',
        result: 'created',
        stories: 6,
      },
      {
        name: 'PDM Sprint 3',
        startDate: '2024-03-25',
        endDate: '2024-04-07',
        state: 'active',
        result: 'created',
        stories: 5,
      },
    ]);
    expect(first.body.stories).toEqual({ created: 16, existing: 0, updated: 0 });
    expect(first.body.problems).toEqual([
      {
        line: 7,
        message:
          'PDM-13 not imported: "Custom field (Story Points)" is "lots", not a number of zero or more.',
      },
    ]);
    const samCarter = first.body.warnings.find((w) => w.message.includes('Sam Carter'));
    expect(samCarter).toMatchObject({ line: 2 });
    expect(samCarter?.message).toContain('line 2, 10, 12, 16');
    expect(first.body.warnings.find((w) => w.message.includes('no Description'))).toMatchObject({
      line: 8,
    });

    const [s1, s2, s3] = await sprintDetails(admin, project.id);
    if (!s1 || !s2 || !s3) throw new Error('three sprints expected');
    expect([s1.state, s2.state, s3.state]).toEqual(['closed', 'closed', 'active']);
    // PDM-5 was in sprints 1 and 2: not delivered in 1, carried into 2 and delivered there.
    const pdm5In1 = byKey(s1.stories, 'PDM-5');
    const pdm5In2 = byKey(s2.stories, 'PDM-5');
    expect(pdm5In1).toMatchObject({
      status: 'in_progress',
      outcome: 'not_delivered',
      carriedToId: pdm5In2?.id,
    });
    expect(pdm5In2).toMatchObject({
      status: 'done',
      outcome: 'delivered',
      carriedFromId: pdm5In1?.id,
      points: 8,
    });
    // Sprint 3 is running: its stories have Jira's status and no outcome yet.
    expect(byKey(s3.stories, 'PDM-9')).toMatchObject({ status: 'in_progress', outcome: null });
    expect(byKey(s3.stories, 'PDM-13')).toBeUndefined();
    // Names match team members whatever their Unicode form; unknown people stay unassigned.
    expect(byKey(s2.stories, 'PDM-7')?.assignee?.id).toBe(people['王芳']);
    expect(byKey(s2.stories, 'PDM-6')?.assignee?.id).toBe(people['Zoë Ødegård']);
    expect(byKey(s3.stories, 'PDM-14')?.assignee).toBeNull();
    // Titles are the summaries; the deliverable is Jira's description, or a pointer to the issue.
    expect(byKey(s2.stories, 'PDM-8')).toMatchObject({
      title: 'Data quality report for the sensor feed',
      deliverable: {
        description: 'Gaps, flat lines and out-of-range readings per sensor, per week.',
      },
    });
    expect(byKey(s3.stories, 'PDM-12')?.deliverable.description).toBe('See Jira PDM-12.');
    expect(s1.stories.filter((s) => s.outcome === 'delivered')).toHaveLength(4);

    // The same file again: nothing new, nothing changed.
    const again = await importJira(admin, project.id, EXPORT);
    expect(again.status).toBe(200);
    expect(again.body.sprints.map((s) => [s.result, s.stories])).toEqual([
      ['existing', 5],
      ['existing', 6],
      ['existing', 5],
    ]);
    expect(again.body.stories).toEqual({ created: 0, existing: 16, updated: 0 });
    expect(await sprintDetails(admin, project.id)).toEqual([s1, s2, s3]);
  });

  it('follows a later export in the open sprint and leaves the closed ones as recorded', async () => {
    env().clock.set(DURING_SPRINT_3);
    const { admin, project } = await env().factory.workspace();
    expect((await importJira(admin, project.id, EXPORT)).status).toBe(200);
    const later = EXPORT.replace('PDM-9,10009,Story,In Progress', 'PDM-9,10009,Story,Done').replace(
      '0|i00009:,In Progress',
      '0|i00009:,Done',
    );
    const update = await importJira(admin, project.id, later);
    expect(update.body.stories).toEqual({ created: 0, existing: 16, updated: 1 });
    const [, s2, s3] = await sprintDetails(admin, project.id);
    expect(byKey(s3?.stories ?? [], 'PDM-9')).toMatchObject({ status: 'done', outcome: null });
    expect(byKey(s2?.stories ?? [], 'PDM-9')).toMatchObject({
      status: 'in_progress',
      outcome: 'not_delivered',
    });
  });

  it('skips a Jira sprint that would overlap a sprint planned in Sextant, and imports the rest', async () => {
    env().clock.set(new Date('2026-11-23T09:00:00Z'));
    const { admin, project } = await env().factory.workspace();
    await createSprint(admin.client, project.id, '2024-03-13', '2024-03-22', 'Planned here');
    const result = await importJira(admin, project.id, EXPORT);
    expect(result.status).toBe(200);
    expect(result.body.sprints.map((s) => [s.name, s.result, s.state])).toEqual([
      ['PDM Sprint 1', 'created', 'closed'],
      ['PDM Sprint 2', 'skipped', null],
      ['PDM Sprint 3', 'created', 'closed'],
    ]);
    const overlap = result.body.problems.find((p) => p.message.includes('PDM Sprint 2'));
    expect(overlap?.message).toContain('overlaps Planned here (2024-03-13 to 2024-03-22)');
    // Sprint 1's 5 stories and Sprint 3's 5: nothing of Sprint 2.
    expect(result.body.stories.created).toBe(10);
    const list = await admin.client.get<{ items: Sprint[] }>(`/projects/${project.id}/sprints`);
    expect(list.body.items.map((s) => s.name)).toEqual([
      'PDM Sprint 1',
      'Planned here',
      'PDM Sprint 3',
    ]);
  });

  it('refuses a bad sprint length, an empty body and a viewer, and writes nothing', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const badLength = await importJira(admin, project.id, EXPORT, '?sprintLength=5w');
    expect(badLength.status).toBe(422);
    expect(badLength.body.error).toMatchObject({
      code: 'sprint_length_invalid',
      details: { field: 'sprintLength' },
    });
    expect(badLength.body.error.message).toContain('35 days');
    const badDate = await importJira(admin, project.id, EXPORT, '?firstSprintStart=2024-02-31');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain('firstSprintStart');
    const empty = await importJira(admin, project.id, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toMatchObject({ field: 'body' });
    const blank = await importJira(admin, project.id, '  \r\n\n ');
    expect(blank.status).toBe(400);
    expect(blank.body.error.details).toMatchObject({ field: 'body' });
    const json = await admin.client.post<ErrorBody>(`/projects/${project.id}/imports/jira`, {
      csv: EXPORT,
    });
    expect(json.status).toBe(400);
    expect(json.body.error.details).toMatchObject({ field: 'body' });
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    expect((await importJira(viewer, project.id, EXPORT)).status).toBe(403);
    const list = await admin.client.get<{ items: Sprint[] }>(`/projects/${project.id}/sprints`);
    expect(list.body.items).toEqual([]);
  });

  it("answers another team's member 404, as for a missing project", async () => {
    const { project } = await env().factory.workspace();
    const outsider = await env().factory.workspace();
    const foreign = await importJira(outsider.admin, project.id, EXPORT);
    const missing = await importJira(
      outsider.admin,
      '00000000-0000-4000-8000-000000000000',
      EXPORT,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
  });
});
