import { expect, it } from 'vitest';
import type { ErrorBody, Goal } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { quantifiableGoal } from '../support/factory.js';

const day = (date: Date, offsetDays: number) =>
  new Date(date.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('goals', (env) => {
  it('refuses an ambiguous goal with 422 naming every missing part, and stores nothing', async () => {
    const { admin, project } = await env().factory.workspace();
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, {
      statement: 'We want to prevent our customers from leaving our service',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('goal_not_quantifiable');
    expect(reply.body.error.details.missing).toEqual([
      'metric',
      'direction',
      'baseline',
      'target',
      'deadline',
    ]);
    expect(reply.body.error.message).toContain('no target number');
    expect(reply.body.error.message).toContain('no deadline');
    const goals = await admin.client.get<{ items: Goal[] }>(`/projects/${project.id}/goals`);
    expect(goals.body.items).toEqual([]);
  });

  it('names the one missing part when only the deadline is absent', async () => {
    const { admin, project } = await env().factory.workspace();
    const { deadline: _deadline, ...noDeadline } = quantifiableGoal(env().clock.now());
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, noDeadline);
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.missing).toEqual(['deadline']);
    expect(reply.body.error.message).toBe(
      'Goal is not quantifiable: no deadline (the date by which the target must be reached).',
    );
  });

  it('refuses a deadline in the past', async () => {
    const { admin, project } = await env().factory.workspace();
    const yesterday = day(env().clock.now(), -1);
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, {
      ...quantifiableGoal(env().clock.now()),
      deadline: yesterday,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toContain(`deadline ${yesterday} is in the past`);
  });

  it('refuses a target that is not beyond the baseline in the goal’s direction', async () => {
    const { admin, project } = await env().factory.workspace();
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, {
      ...quantifiableGoal(env().clock.now()),
      targetChangePct: undefined,
      target: 3.5,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.problems).toEqual([
      {
        field: 'target',
        code: 'not_beyond_baseline',
        message: 'target 3.5 is not below the baseline 3.1 for a goal to decrease',
      },
    ]);
  });

  it('names targetChangePct when a relative change goes the wrong way', async () => {
    const { admin, project } = await env().factory.workspace();
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/goals`, {
      ...quantifiableGoal(env().clock.now()),
      targetChangePct: 10,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.problems).toEqual([
      {
        field: 'targetChangePct',
        code: 'not_beyond_baseline',
        message: 'target 3.41 is not below the baseline 3.1 for a goal to decrease',
      },
    ]);
  });

  it('accepts a quantifiable goal with 201 and resolves a relative target', async () => {
    const { admin, project } = await env().factory.workspace();
    const input = quantifiableGoal(env().clock.now());
    const reply = await admin.client.post<Goal>(`/projects/${project.id}/goals`, input);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      projectId: project.id,
      metric: 'monthly churn rate',
      direction: 'decrease',
      baseline: 3.1,
      target: 2.79,
      targetChangePct: -10,
      deadline: input.deadline,
      unit: '%',
    });
    expect(typeof reply.body.id).toBe('string');
    const listed = await admin.client.get<{ items: Goal[] }>(`/projects/${project.id}/goals`);
    expect(listed.body.items.map((g) => g.id)).toEqual([reply.body.id]);
  });

  it('re-checks a patched goal and keeps the stored one when the patch makes it ambiguous', async () => {
    const { admin, project } = await env().factory.workspace();
    const created = await admin.client.post<Goal>(
      `/projects/${project.id}/goals`,
      quantifiableGoal(env().clock.now()),
    );
    const cleared = await admin.client.patch<ErrorBody>(
      `/projects/${project.id}/goals/${created.body.id}`,
      { deadline: null },
    );
    expect(cleared.status).toBe(422);
    expect(cleared.body.error.details.missing).toEqual(['deadline']);

    const absolute = await admin.client.patch<Goal>(
      `/projects/${project.id}/goals/${created.body.id}`,
      {
        target: 2.5,
      },
    );
    expect(absolute.status).toBe(200);
    expect(absolute.body).toMatchObject({
      target: 2.5,
      targetChangePct: null,
      deadline: created.body.deadline,
    });

    const removed = await admin.client.delete(`/projects/${project.id}/goals/${created.body.id}`);
    expect(removed.status).toBe(204);
    const again = await admin.client.delete(`/projects/${project.id}/goals/${created.body.id}`);
    expect(again.status).toBe(404);
  });

  it('answers 404 for a goal id that belongs to another project', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const other = await env().factory.project(admin, team.id);
    const goal = await admin.client.post<Goal>(
      `/projects/${project.id}/goals`,
      quantifiableGoal(env().clock.now()),
    );
    const reply = await admin.client.patch<ErrorBody>(
      `/projects/${other.id}/goals/${goal.body.id}`,
      {
        unit: 'pct',
      },
    );
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('Goal not found');
  });
});
