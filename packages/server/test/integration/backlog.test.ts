import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { BacklogItem, BacklogList, ErrorBody, Run } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';

/** An idea as error analysis writes it; `over` changes what a test is about. */
function idea(over: Record<string, unknown> = {}) {
  return {
    observation: 'The largest errors are machines restarted in the last 24 hours',
    proposedChange: 'Add an "hours since restart" feature',
    effort: { size: 'M' },
    expectedImpact: '+0.2 hit rate@10 on restarted machines',
    ...over,
  };
}

async function addIdea(
  client: TestClient,
  projectId: string,
  over: Record<string, unknown> = {},
): Promise<BacklogItem> {
  const reply = await client.post<BacklogItem>(`/projects/${projectId}/backlog`, idea(over));
  if (reply.status !== 201) throw new Error(`idea: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A manual run posted by a person (no CI token): enough to link an idea to. */
async function postRun(client: TestClient, projectId: string): Promise<Run> {
  const reply = await client.post<Run>(`/projects/${projectId}/runs`, {
    metrics: { hit_rate_at_10: 0.31 },
    commit: '3f2c1a9',
  });
  if (reply.status !== 201) throw new Error(`run: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const fieldsOf = (body: ErrorBody) =>
  (body.error.details.fields as { field: string }[]).map((f) => f.field);

describeEachDatabase('improvement backlog', (env) => {
  it('lists ideas simplest first: open before closed, then the least effort in days', async () => {
    const { admin, project } = await env().factory.workspace();
    const large = await addIdea(admin.client, project.id, {
      proposedChange: 'Retrain per plant',
      effort: { size: 'L' },
    });
    const small = await addIdea(admin.client, project.id, {
      proposedChange: 'Drop duplicated sensor rows',
      effort: { size: 'S' },
      status: 'planned',
    });
    const twoDays = await addIdea(admin.client, project.id, {
      proposedChange: 'Calibrate the threshold per shift',
      effort: { days: 2 },
      status: 'in_progress',
    });
    const doneHalfDay = await addIdea(admin.client, project.id, {
      proposedChange: 'Fix the timezone of the label join',
      effort: { days: 0.5 },
      status: 'done',
    });
    const droppedSmall = await addIdea(admin.client, project.id, {
      proposedChange: 'Use weather data',
      effort: { size: 'S' },
      status: 'dropped',
    });
    const sameAsLarge = await addIdea(admin.client, project.id, {
      proposedChange: 'Label 2,000 more failures',
      effort: { days: 8 },
    });

    expect(large).toMatchObject({
      projectId: project.id,
      effort: { size: 'L' },
      effortDays: 8,
      status: 'idea',
      runId: null,
      createdBy: { id: admin.user.id, email: admin.user.email },
      expectedImpact: '+0.2 hit rate@10 on restarted machines',
    });
    expect(large.statusChangedAt).toBe(large.createdAt);
    expect(twoDays).toMatchObject({ effort: { days: 2 }, effortDays: 2 });

    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toEqual([
      small.id,
      twoDays.id,
      large.id,
      sameAsLarge.id,
      doneHalfDay.id,
      droppedSmall.id,
    ]);
    expect(list.body.items.map((i) => i.effortDays)).toEqual([1, 2, 8, 8, 0.5, 1]);
    expect(list.body.order).toContain('Simplest first');

    const top = await env().services.backlog.top(project.id, 2);
    expect(top.map((i) => i.id)).toEqual([small.id, twoDays.id]);
  });

  it('moves an idea when its status or effort changes, and stamps the status change', async () => {
    const { admin, project } = await env().factory.workspace();
    const first = await addIdea(admin.client, project.id, { effort: { size: 'S' } });
    const second = await addIdea(admin.client, project.id, { effort: { size: 'M' } });
    env().clock.advance(60_000);

    const done = await admin.client.patch<BacklogItem>(`/backlog/${first.id}`, {
      status: 'done',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', effort: { size: 'S' } });
    expect(done.body.statusChangedAt > first.statusChangedAt).toBe(true);
    expect(done.body.updatedAt).toBe(done.body.statusChangedAt);

    env().clock.advance(60_000);
    const reworded = await admin.client.patch<BacklogItem>(`/backlog/${first.id}`, {
      expectedImpact: 'Fewer false alarms after restarts',
      effort: { days: 0.5 },
    });
    expect(reworded.body).toMatchObject({
      status: 'done',
      effortDays: 0.5,
      expectedImpact: 'Fewer false alarms after restarts',
      observation: first.observation,
    });
    expect(reworded.body.statusChangedAt).toBe(done.body.statusChangedAt);
    expect(reworded.body.updatedAt > done.body.updatedAt).toBe(true);

    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.body.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect((await env().services.backlog.top(project.id, 5)).map((i) => i.id)).toEqual([second.id]);

    const removed = await admin.client.delete(`/backlog/${second.id}`);
    expect(removed.status).toBe(204);
    const again = await admin.client.delete<ErrorBody>(`/backlog/${second.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('Backlog item not found');
    const after = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(after.body.items.map((i) => i.id)).toEqual([first.id]);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const { admin, project } = await env().factory.workspace();
    const post = (body: unknown) =>
      admin.client.post<ErrorBody>(`/projects/${project.id}/backlog`, body);

    const missing = await post({ observation: 'x', proposedChange: 'y', effort: { size: 'S' } });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['expectedImpact']);

    const blank = await post(idea({ observation: '   ' }));
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank.body)).toEqual(['observation']);

    const badSize = await post(idea({ effort: { size: 'XL' } }));
    expect(badSize.status).toBe(400);
    expect(fieldsOf(badSize.body)).toEqual(['effort']);
    expect(badSize.body.error.message).toContain('"size": "S", "M" or "L"');

    const both = await post(idea({ effort: { size: 'S', days: 1 } }));
    expect(fieldsOf(both.body)).toEqual(['effort']);

    const tooLong = await post(idea({ effort: { days: 400 } }));
    expect(tooLong.status).toBe(400);
    expect(fieldsOf(tooLong.body)).toEqual(['effort.days']);

    const tooShort = await post(idea({ effort: { days: 0.25 } }));
    expect(fieldsOf(tooShort.body)).toEqual(['effort.days']);

    const badStatus = await post(idea({ status: 'wontfix' }));
    expect(fieldsOf(badStatus.body)).toEqual(['status']);

    const unknown = await post(idea({ priority: 1 }));
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['priority']);

    const huge = await post(idea({ expectedImpact: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(400);
    expect(fieldsOf(huge.body)).toEqual(['expectedImpact']);

    const item = await addIdea(admin.client, project.id);
    const patchUnknown = await admin.client.patch<ErrorBody>(`/backlog/${item.id}`, {
      title: 'x',
    });
    expect(patchUnknown.status).toBe(400);
    expect(fieldsOf(patchUnknown.body)).toEqual(['title']);
    const patchBlank = await admin.client.patch<ErrorBody>(`/backlog/${item.id}`, {
      proposedChange: '',
    });
    expect(fieldsOf(patchBlank.body)).toEqual(['proposedChange']);

    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.body.items).toEqual([item]);
  });

  it("links an idea to a run of its own project and refuses another project's run with 422", async () => {
    const { admin, team, project } = await env().factory.workspace();
    const sibling = await env().factory.project(admin, team.id);
    const ownRun = await postRun(admin.client, project.id);
    const siblingRun = await postRun(admin.client, sibling.id);

    const linked = await addIdea(admin.client, project.id, { runId: ownRun.id });
    expect(linked.runId).toBe(ownRun.id);

    for (const runId of [siblingRun.id, randomUUID()]) {
      const refused = await admin.client.post<ErrorBody>(
        `/projects/${project.id}/backlog`,
        idea({ runId }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'rule_violation',
        message: 'runId: the run must be one of this project’s runs.',
        details: { field: 'runId', runId },
      });
    }

    const relink = await admin.client.patch<ErrorBody>(`/backlog/${linked.id}`, {
      runId: siblingRun.id,
      status: 'planned',
    });
    expect(relink.status).toBe(422);
    expect(relink.body.error.details.field).toBe('runId');

    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.body.items).toEqual([linked]);

    const unlinked = await admin.client.patch<BacklogItem>(`/backlog/${linked.id}`, {
      runId: null,
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.runId).toBeNull();
  });

  it('lets a viewer read the backlog but not change it (403), and a member change it', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    const member = await env().factory.member(team.id, admin, 'member');
    const item = await addIdea(admin.client, project.id);

    const read = await viewer.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((i) => i.id)).toEqual([item.id]);

    const writes = [
      await viewer.client.post<ErrorBody>(`/projects/${project.id}/backlog`, idea()),
      await viewer.client.patch<ErrorBody>(`/backlog/${item.id}`, { status: 'planned' }),
      await viewer.client.delete<ErrorBody>(`/backlog/${item.id}`),
    ];
    for (const reply of writes) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const unchanged = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(unchanged.body.items).toEqual([item]);

    const byMember = await addIdea(member.client, project.id, { effort: { size: 'S' } });
    expect(byMember.createdBy?.id).toBe(member.user.id);
    const patched = await member.client.patch<BacklogItem>(`/backlog/${item.id}`, {
      status: 'planned',
    });
    expect(patched.status).toBe(200);
    expect((await member.client.delete(`/backlog/${byMember.id}`)).status).toBe(204);
  });

  it("answers another team's member with a 404 byte-identical to a missing id", async () => {
    const { admin, project } = await env().factory.workspace();
    const item = await addIdea(admin.client, project.id);
    const outsider = await env().factory.workspace();
    const client = outsider.admin.client;
    const pairs = [
      [
        await client.get(`/projects/${project.id}/backlog`),
        await client.get(`/projects/${randomUUID()}/backlog`),
      ],
      [
        await client.post(`/projects/${project.id}/backlog`, idea()),
        await client.post(`/projects/${randomUUID()}/backlog`, idea()),
      ],
      [
        await client.patch(`/backlog/${item.id}`, { status: 'done' }),
        await client.patch(`/backlog/${randomUUID()}`, { status: 'done' }),
      ],
      [await client.delete(`/backlog/${item.id}`), await client.delete(`/backlog/${randomUUID()}`)],
    ];
    for (const [foreign, missing] of pairs) {
      expect(foreign?.status).toBe(404);
      expect(foreign?.raw.body).toBe(missing?.raw.body);
    }
    const still = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(still.body.items).toEqual([item]);
  });

  it('has the database refuse an effort that is not exactly one of a size and days', async () => {
    const { admin, project } = await env().factory.workspace();
    const item = await addIdea(admin.client, project.id);
    const db = env().connection.db;
    const row = (effort_size: string | null, effort_days: number | null) => ({
      id: randomUUID(),
      project_id: project.id,
      observation: 'o',
      proposed_change: 'c',
      effort_size,
      effort_days,
      expected_impact: 'i',
      status: 'idea',
      run_id: null,
      created_by: null,
      created_at: item.createdAt,
      updated_at: item.createdAt,
      status_changed_at: item.createdAt,
    });
    for (const [size, days] of [
      [null, null],
      ['S', 2],
      ['XL', null],
      [null, 0.1],
      [null, 366],
    ] as const) {
      await expect(
        db.insertInto('backlog_items').values(row(size, days)).execute(),
        `${size} ${days}`,
      ).rejects.toThrow();
    }
    await db.insertInto('backlog_items').values(row(null, 365)).execute();
    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.body.items.map((i) => i.effortDays)).toEqual([3, 365]);
  });

  it('keeps an archived project’s backlog read-only (409) until it is unarchived', async () => {
    const { admin, project } = await env().factory.workspace();
    const item = await addIdea(admin.client, project.id);
    expect((await admin.client.post(`/projects/${project.id}/archive`)).status).toBe(200);
    const create = await admin.client.post<ErrorBody>(`/projects/${project.id}/backlog`, idea());
    const patch = await admin.client.patch<ErrorBody>(`/backlog/${item.id}`, { status: 'done' });
    const remove = await admin.client.delete<ErrorBody>(`/backlog/${item.id}`);
    for (const reply of [create, patch, remove]) {
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('conflict');
    }
    const list = await admin.client.get<BacklogList>(`/projects/${project.id}/backlog`);
    expect(list.body.items).toEqual([item]);
  });
});
