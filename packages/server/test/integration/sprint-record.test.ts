import { expect, it } from 'vitest';
import type { CreatedToken, Run, Sprint, SprintDecision, SprintReview, Story } from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION } from '../support/factory.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';

const CI = { provider: 'github-actions', jobId: '9', jobUrl: 'https://ci.example.test/runs/9' };

/**
 * Sprint 1 (2–15 Dec) closed early on 2 Dec, after a climb from 0.9 to 1.4, with a next
 * sprint from 3 Dec; the sponsor then decides "continue" on the closed sprint.
 */
async function closedEarly(env: TestEnv) {
  env.clock.set(new Date('2026-12-02T08:00:00Z'));
  const { admin, project } = await env.factory.workspace();
  const url = `/projects/${project.id}`;
  expect((await admin.client.put(`${url}/success-criterion`, HIT_RATE_CRITERION)).status).toBe(200);
  const token = await admin.client.post<CreatedToken>(`${url}/ci-tokens`, { name: 'ci' });
  const ci = admin.client.withBearer(token.body.token);
  const run = async (value: number, finishedAt: string) => {
    const reply = await ci.post<Run>(`${url}/runs`, {
      metrics: { hit_rate_at_10: value },
      commit: 'c0ffee1',
      finishedAt,
      ci: CI,
    });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const s1 = await createSprint(admin.client, project.id, '2026-12-02', '2026-12-15', 'Sprint 1');
  await startSprint(admin.client, s1.id);
  await addStory(admin.client, s1.id, {
    title: 'Label the pumps',
    assigneeId: null,
    status: 'todo',
  });
  env.clock.set(new Date('2026-12-02T12:00:00Z'));
  await run(0.9, '2026-12-02T09:00:00Z');
  await run(1.4, '2026-12-02T11:00:00Z');
  const closed = await closeSprint(admin.client, s1.id, [], {
    startDate: '2026-12-03',
    endDate: '2026-12-16',
  });
  env.clock.set(new Date('2026-12-02T12:30:00Z'));
  const decision = await admin.client.post<SprintDecision>(`/sprints/${s1.id}/decision`, {
    decision: 'continue',
    rationale: 'Reached 1.4; one more sprint on features.',
  });
  expect(decision.status).toBe(201);
  return { admin, project, ci, run, s1, s2: closed.nextSprint!, url };
}

/** The review and both reports of a sprint, as bytes. */
async function recordBytes(client: TestClient, sprintId: string) {
  const [json, html, md] = await Promise.all([
    client.get(`/sprints/${sprintId}/review`),
    client.get(`/sprints/${sprintId}/report.html`),
    client.get(`/sprints/${sprintId}/report.md`),
  ]);
  return { json: json.raw.body, html: html.raw.body, md: md.raw.body };
}

describeEachDatabase('a closed sprint is a record', (env) => {
  it('keeps its review and reports byte for byte after later runs and edits', async () => {
    const { admin, run, s1, s2, url } = await closedEarly(env());
    const before = await recordBytes(admin.client, s1.id);
    const review = JSON.parse(before.json) as SprintReview;
    expect(review.record?.takenAt).toBe('2026-12-02T12:00:00.000Z');
    expect(review.sprint.closedOn).toBe('2026-12-02');
    expect(review.decision?.recordTakenAt).toBe(review.record?.takenAt);
    // The climb stays visible: the bar at the start (the first CI run), the best, the promotion.
    expect(review.points.at(-1)).toMatchObject({
      bestCiValue: 1.4,
      baselineValue: 0.9,
      promotedValue: 1.4,
    });
    expect(before.md).toContain('closed early; planned 2 – 15 Dec 2026');
    expect(before.md).toContain('Record of the close, 2 Dec 2026, 12:00 UTC');

    // After the close: a CI run inside the closed sprint's old dates, one in the next sprint.
    env().clock.set(new Date('2026-12-05T10:00:00Z'));
    const late = await run(1.9, '2026-12-02T13:00:00Z');
    expect(late.sprintId).toBeNull();
    expect(late.sprintNote).toMatch(/Sprint 1 holds 2 Dec 2026 but was closed on 2 Dec 2026/);
    const next = await run(0.27, '2026-12-05T09:00:00Z');
    expect(next.sprintId).toBe(s2.id);
    expect(next.sprintNote).toContain('Joined Sprint 2');
    // Other writes the live report would show.
    expect(
      (
        await admin.client.post(`${url}/backlog`, {
          observation: 'Misses cluster after restarts',
          proposedChange: 'Add hours since restart',
          effort: { size: 'S' },
          expectedImpact: '+0.2',
        })
      ).status,
    ).toBe(201);
    expect((await admin.client.patch(url, { name: 'Renamed later' })).status).toBe(200);

    const after = await recordBytes(admin.client, s1.id);
    expect(after.json).toBe(before.json);
    expect(after.html).toBe(before.html);
    expect(after.md).toBe(before.md);

    // The run page says which sprint and why; the sprint list shows the actual end.
    const shown = await admin.client.get<Run>(`/runs/${late.id}`);
    expect(shown.body.sprintNote).toBe(late.sprintNote);
    const sprints = await admin.client.get<{ items: Sprint[] } | Sprint[]>(`${url}/sprints`);
    const list = Array.isArray(sprints.body) ? sprints.body : sprints.body.items;
    expect(list.find((s) => s.id === s1.id)).toMatchObject({
      endDate: '2026-12-15',
      closedOn: '2026-12-02',
    });
    // The next sprint's review charts Sprint 1 as recorded, not with the late 1.9.
    const nextReview = await admin.client.get<SprintReview>(`/sprints/${s2.id}/review`);
    expect(nextReview.body.points.find((p) => p.sprintId === s1.id)?.bestCiValue).toBe(1.4);
  });

  it('changes only by an audited correction, which says it is one, who and why', async () => {
    const { admin, s1 } = await closedEarly(env());
    const before = await recordBytes(admin.client, s1.id);
    const stories = await admin.client.get<Story[] | { items: Story[] }>(
      `/sprints/${s1.id}/stories`,
    );
    const list = Array.isArray(stories.body) ? stories.body : stories.body.items;
    const story = list.find((s) => s.title === 'Label the pumps')!;
    env().clock.set(new Date('2026-12-04T09:00:00Z'));
    const corrected = await admin.client.post(`/stories/${story.id}/corrections`, {
      outcome: 'delivered',
      reason: 'Delivered on the day; the board was not updated',
    });
    expect(corrected.status).toBe(200);
    const after = await recordBytes(admin.client, s1.id);
    expect(after.json).not.toBe(before.json);
    const review = JSON.parse(after.json) as SprintReview;
    expect(review.record?.takenAt).toBe('2026-12-02T12:00:00.000Z');
    expect(review.record?.corrections).toEqual([
      {
        at: '2026-12-04T09:00:00.000Z',
        by: admin.user.name,
        reason:
          'Label the pumps: not_delivered → delivered. Delivered on the day; the board was not updated',
      },
    ]);
    expect(review.deliveredStories.map((s) => s.title)).toEqual(['Label the pumps']);
    expect(after.md).toContain('**Correction** 4 Dec 2026, 09:00 UTC by');
    expect(after.html).toContain('Correction 4 Dec 2026, 09:00 UTC by');
    // Everything but the correction is as recorded.
    const was = JSON.parse(before.json) as SprintReview;
    expect({ ...review, record: null, deliveredStories: [] }).toEqual({
      ...was,
      record: null,
      deliveredStories: [],
    });
  });
});
