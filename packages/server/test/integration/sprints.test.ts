import { expect, it } from 'vitest';
import type { AuditEvent, ErrorBody, Page, Sprint, SprintDetail, Story } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import {
  addStory,
  closeSprint,
  createSprint,
  deliverable,
  plusDays,
  startSprint,
} from '../support/sprints.js';

describeEachDatabase('sprints and stories', (env) => {
  it('accepts sprints of 5 to 28 days and refuses shorter or longer ones with the reason', async () => {
    const { admin, project } = await env().factory.workspace();
    const post = (startDate: string, endDate: string) =>
      admin.client.post<ErrorBody & Sprint>(`/projects/${project.id}/sprints`, {
        startDate,
        endDate,
      });
    const tooShort = await post('2026-01-05', '2026-01-08');
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.code).toBe('sprint_length_invalid');
    expect(tooShort.body.error.message).toContain('2026-01-05 to 2026-01-08 is 4 days');
    const tooLong = await post('2026-02-02', '2026-03-02');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.message).toContain('is 29 days');
    const backwards = await post('2026-04-10', '2026-04-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.message).toBe('endDate 2026-04-01 is before startDate 2026-04-10.');

    const week = await post('2026-01-05', '2026-01-09');
    expect(week.status).toBe(201);
    expect(week.body).toMatchObject({
      number: 1,
      name: 'Sprint 1',
      lengthDays: 5,
      state: 'planned',
    });
    const fourWeeks = await post('2026-01-12', '2026-02-08');
    expect(fourWeeks.status).toBe(201);
    expect(fourWeeks.body).toMatchObject({ number: 2, lengthDays: 28 });
    const list = await admin.client.get<{ items: Sprint[] }>(`/projects/${project.id}/sprints`);
    expect(list.body.items.map((s) => s.name)).toEqual(['Sprint 1', 'Sprint 2']);
  });

  it('refuses a sprint that overlaps another by even a day, naming it; adjacent sprints are fine', async () => {
    const { admin, project } = await env().factory.workspace();
    const first = await createSprint(
      admin.client,
      project.id,
      '2026-03-02',
      '2026-03-15',
      'Sprint A',
    );
    const overlap = await admin.client.post<ErrorBody>(`/projects/${project.id}/sprints`, {
      startDate: '2026-03-15',
      endDate: '2026-03-28',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error).toMatchObject({
      code: 'sprint_overlap',
      message:
        '2026-03-15 to 2026-03-28 overlaps Sprint A (2026-03-02 to 2026-03-15); sprints of a project never overlap.',
      details: { sprintId: first.id },
    });
    const next = await createSprint(admin.client, project.id, '2026-03-16', '2026-03-29');
    const moved = await admin.client.patch<ErrorBody>(`/sprints/${next.id}`, {
      startDate: '2026-03-10',
    });
    expect(moved.status).toBe(409);
    const other = await env().factory.project(admin, (await env().factory.team(admin)).id);
    expect(
      (
        await admin.client.post(`/projects/${other.id}/sprints`, {
          startDate: '2026-03-02',
          endDate: '2026-03-15',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a story without a deliverable description, naming the field, and stores nothing', async () => {
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const missing = await admin.client.post<ErrorBody>(`/sprints/${sprint.id}/stories`, {
      title: 'EDA',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('deliverable');
    const empty = await admin.client.post<ErrorBody>(`/sprints/${sprint.id}/stories`, {
      title: 'EDA',
      deliverable: { type: 'report', description: '   ' },
    });
    expect(empty.status).toBe(400);
    expect((empty.body.error.details.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'deliverable.description',
    ]);
    const badType = await admin.client.post<ErrorBody>(`/sprints/${sprint.id}/stories`, {
      title: 'EDA',
      deliverable: { type: 'slides', description: 'x' },
    });
    expect(badType.status).toBe(400);
    const stories = await admin.client.get<{ items: Story[] }>(`/sprints/${sprint.id}/stories`);
    expect(stories.body.items).toEqual([]);
  });

  it('refuses an assignee outside the team', async () => {
    const { admin, project } = await env().factory.workspace();
    const stranger = await env().factory.user();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const reply = await admin.client.post<ErrorBody>(`/sprints/${sprint.id}/stories`, {
      title: 'Baseline model',
      deliverable: {
        type: 'model',
        description: 'Logistic regression scoring every machine daily',
      },
      assigneeId: stranger.user.id,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('assignee_not_member');
  });

  it('keeps stories in order, marks late additions, and protects the commitment of an active sprint', async () => {
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const a = await addStory(admin.client, sprint.id, {
      title: 'A',
      assigneeId: admin.user.id,
      status: 'todo',
    });
    const b = await addStory(admin.client, sprint.id, {
      title: 'B',
      assigneeId: null,
      status: 'todo',
    });
    const c = await addStory(admin.client, sprint.id, {
      title: 'C',
      assigneeId: null,
      status: 'todo',
    });
    await admin.client.patch(`/stories/${c.id}`, { position: 0 });
    const ordered = await admin.client.get<SprintDetail>(`/sprints/${sprint.id}`);
    expect(ordered.body.stories.map((s) => [s.title, s.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    expect((await admin.client.delete(`/stories/${b.id}`)).status).toBe(204);

    await startSprint(admin.client, sprint.id);
    const late = await addStory(admin.client, sprint.id, {
      title: 'Late',
      assigneeId: null,
      status: 'todo',
    });
    expect(late.addedAfterStart).toBe(true);
    const committed = await admin.client.delete<ErrorBody>(`/stories/${a.id}`);
    expect(committed.status).toBe(409);
    expect(committed.body.error.code).toBe('story_committed');
    expect((await admin.client.delete(`/stories/${late.id}`)).status).toBe(204);
    const second = await createSprint(admin.client, project.id, '2026-01-19', '2026-01-30');
    const twoActive = await admin.client.post<ErrorBody>(`/sprints/${second.id}/start`);
    expect(twoActive.status).toBe(409);
    expect(twoActive.body.error.message).toContain('is still active');
  });

  it('freezes outcomes at close: done is delivered, the rest not, and the closed sprint answers 409', async () => {
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const done = await addStory(admin.client, sprint.id, {
      assigneeId: admin.user.id,
      status: 'todo',
      points: 3,
    });
    const open = await addStory(admin.client, sprint.id, {
      assigneeId: admin.user.id,
      status: 'in_progress',
    });
    expect((await admin.client.post<ErrorBody>(`/sprints/${sprint.id}/close`, {})).status).toBe(
      409,
    );
    await startSprint(admin.client, sprint.id);
    await admin.client.patch(`/stories/${done.id}`, { status: 'done' });
    const closed = await closeSprint(admin.client, sprint.id);
    expect(closed).toMatchObject({
      delivered: 1,
      notDelivered: 1,
      carriedOver: [],
      nextSprint: null,
    });
    expect(closed.sprint.state).toBe('closed');

    const after = await admin.client.get<SprintDetail>(`/sprints/${sprint.id}`);
    expect(after.body.stories.map((s) => [s.id, s.outcome])).toEqual([
      [done.id, 'delivered'],
      [open.id, 'not_delivered'],
    ]);
    for (const [method, url, body] of [
      ['PATCH', `/stories/${open.id}`, { status: 'done' }],
      ['PATCH', `/stories/${done.id}`, { points: 8 }],
      ['DELETE', `/stories/${open.id}`, undefined],
      ['POST', `/sprints/${sprint.id}/stories`, { title: 'x', deliverable: deliverable() }],
      ['PATCH', `/sprints/${sprint.id}`, { name: 'Renamed' }],
      ['POST', `/sprints/${sprint.id}/close`, {}],
    ] as const) {
      const reply = await admin.client.request<ErrorBody>(method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(409);
    }
    const unchanged = await admin.client.get<SprintDetail>(`/sprints/${sprint.id}`);
    expect(unchanged.body.stories.map((s) => [s.status, s.outcome, s.points])).toEqual([
      ['done', 'delivered', 3],
      ['in_progress', 'not_delivered', null],
    ]);
  });

  it('carries not-delivered stories into the next sprint, and both sprints keep their history', async () => {
    const { admin, project } = await env().factory.workspace();
    const first = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const unfinished = await addStory(admin.client, first.id, {
      title: 'Feature pipeline',
      assigneeId: admin.user.id,
      status: 'in_progress',
      points: 5,
    });
    const shipped = await addStory(admin.client, first.id, {
      title: 'EDA report',
      assigneeId: null,
      status: 'done',
    });
    await startSprint(admin.client, first.id);

    const noNext = await admin.client.post<ErrorBody>(`/sprints/${first.id}/close`, {
      carryOver: [unfinished.id],
    });
    expect(noNext.status).toBe(422);
    expect(noNext.body.error.code).toBe('next_sprint_missing');
    const carryDone = await admin.client.post<ErrorBody>(`/sprints/${first.id}/close`, {
      carryOver: [shipped.id],
      nextSprint: { startDate: '2026-01-19', endDate: '2026-01-30' },
    });
    expect(carryDone.status).toBe(422);
    expect(carryDone.body.error.details.storyIds).toEqual([shipped.id]);
    const stillActive = await admin.client.get<Sprint>(`/sprints/${first.id}`);
    expect(stillActive.body.state).toBe('active');
    const sprints = await admin.client.get<{ items: Sprint[] }>(`/projects/${project.id}/sprints`);
    expect(sprints.body.items).toHaveLength(1);

    const closed = await closeSprint(admin.client, first.id, [unfinished.id], {
      startDate: '2026-01-19',
      endDate: '2026-01-30',
    });
    expect(closed.nextSprint).toMatchObject({ number: 2, name: 'Sprint 2', state: 'planned' });
    expect(closed.carriedOver).toHaveLength(1);
    const copy = closed.carriedOver[0]!;
    expect(copy).toMatchObject({
      sprintId: closed.nextSprint?.id,
      title: 'Feature pipeline',
      status: 'in_progress',
      points: 5,
      outcome: null,
      carriedFromId: unfinished.id,
      addedAfterStart: false,
    });
    expect(copy.assignee?.id).toBe(admin.user.id);

    const firstAfter = await admin.client.get<SprintDetail>(`/sprints/${first.id}`);
    expect(firstAfter.body.stories.map((s) => [s.title, s.outcome, s.carriedToId])).toEqual([
      ['Feature pipeline', 'not_delivered', copy.id],
      ['EDA report', 'delivered', null],
    ]);
    // The copy's later fate does not rewrite the first sprint's record.
    await startSprint(admin.client, copy.sprintId);
    await admin.client.patch(`/stories/${copy.id}`, { status: 'done' });
    await closeSprint(admin.client, copy.sprintId);
    const firstFinal = await admin.client.get<SprintDetail>(`/sprints/${first.id}`);
    expect(firstFinal.body.stories[0]?.outcome).toBe('not_delivered');
    const secondFinal = await admin.client.get<SprintDetail>(`/sprints/${copy.sprintId}`);
    expect(secondFinal.body.stories.map((s) => [s.carriedFromId, s.outcome])).toEqual([
      [unfinished.id, 'delivered'],
    ]);
  });

  it('corrects a closed sprint’s outcome only through an audited correction by a team admin', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const { admin, team, project } = await env().factory.workspace();
    const member = await env().factory.member(team.id, admin, 'member');
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    const story = await addStory(admin.client, sprint.id, {
      assigneeId: null,
      status: 'in_progress',
    });
    const early = await admin.client.post<ErrorBody>(`/stories/${story.id}/corrections`, {
      outcome: 'delivered',
      reason: 'x',
    });
    expect(early.status).toBe(409);
    await startSprint(admin.client, sprint.id);
    await closeSprint(admin.client, sprint.id);
    const byMember = await member.client.post(`/stories/${story.id}/corrections`, {
      outcome: 'delivered',
      reason: 'Delivered on the last day; the board was not updated',
    });
    expect(byMember.status).toBe(403);
    const corrected = await admin.client.post<Story>(`/stories/${story.id}/corrections`, {
      outcome: 'delivered',
      reason: 'Delivered on the last day; the board was not updated',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      outcome: 'delivered',
      status: 'in_progress',
      correction: {
        reason: 'Delivered on the last day; the board was not updated',
        by: { id: admin.user.id },
      },
    });
    const log = await root.client.get<Page<AuditEvent>>(
      '/audit?action=story.outcome_corrected&limit=200',
    );
    expect(log.body.items.find((e) => e.targetId === story.id)?.details).toMatchObject({
      from: 'not_delivered',
      to: 'delivered',
    });
  });

  it('lets an active sprint end later but not start elsewhere', async () => {
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-01-05', '2026-01-16');
    await addStory(admin.client, sprint.id, { assigneeId: null, status: 'todo' });
    await startSprint(admin.client, sprint.id);
    const longer = await admin.client.patch<Sprint>(`/sprints/${sprint.id}`, {
      endDate: plusDays('2026-01-16', 7),
    });
    expect(longer.status).toBe(200);
    expect(longer.body.lengthDays).toBe(19);
    const moved = await admin.client.patch<ErrorBody>(`/sprints/${sprint.id}`, {
      startDate: '2026-01-06',
    });
    expect(moved.status).toBe(409);
  });
});
