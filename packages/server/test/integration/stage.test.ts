import { expect, it } from 'vitest';
import type { ErrorBody, ProjectDetail, StageChange } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../support/factory.js';

describeEachDatabase('stages', (env) => {
  it('refuses the move to poc with 422 listing every unmet gate, and does not move', async () => {
    const { admin, project } = await env().factory.workspace({
      users: [{ role: 'Retention team' }],
    });
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/stage`, {
      stage: 'poc',
      note: 'Ready?',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('stage_gate_unmet');
    const unmet = reply.body.error.details.unmet as { gate: string; message: string }[];
    expect(unmet.map((g) => g.gate)).toEqual([
      'named_user',
      'quantifiable_goal',
      'success_criterion',
    ]);
    expect(reply.body.error.message).toContain(
      'Name at least one person who will use the solution',
    );
    const after = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(after.body.stage).toBe('scoping');
  });

  it('refuses the move when only the named user is missing, naming that gate alone', async () => {
    const { admin, project } = await env().factory.workspace({ users: [{ role: 'Operator' }] });
    await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env().clock.now()));
    await admin.client.put(`/projects/${project.id}/success-criterion`, HIT_RATE_CRITERION);
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/stage`, {
      stage: 'poc',
      note: 'Scope agreed',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.unmet).toEqual([
      {
        gate: 'named_user',
        message: 'Name at least one person who will use the solution (scope → users).',
        missing: 'No one is named yet who will use the solution (scope → users).',
      },
    ]);
    // The project says the same: what to do, and what is missing for those who only read it.
    const detail = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(detail.body.next?.unmetGates).toEqual(reply.body.error.details.unmet);
  });

  it('moves to poc once the gates are met and keeps who, when and why', async () => {
    const { admin, project } = await env().factory.workspace({
      users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }],
    });
    await admin.client.post(`/projects/${project.id}/goals`, quantifiableGoal(env().clock.now()));
    await admin.client.put(`/projects/${project.id}/success-criterion`, HIT_RATE_CRITERION);
    const moved = await admin.client.post<StageChange>(`/projects/${project.id}/stage`, {
      stage: 'poc',
      note: 'Scope signed off by the sponsor',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      fromStage: 'scoping',
      toStage: 'poc',
      note: 'Scope signed off by the sponsor',
    });
    expect(moved.body.changedBy?.email).toBe(admin.user.email);

    const history = await admin.client.get<{ items: StageChange[] }>(
      `/projects/${project.id}/stage-history`,
    );
    expect(history.body.items.map((c) => [c.fromStage, c.toStage])).toEqual([
      [null, 'scoping'],
      ['scoping', 'poc'],
    ]);
    const detail = await admin.client.get<ProjectDetail>(`/projects/${project.id}`);
    expect(detail.body.stage).toBe('poc');
  });

  it('refuses skipping a stage and allows dropping and restarting', async () => {
    const { admin, project } = await env().factory.workspace();
    const skip = await admin.client.post<ErrorBody>(`/projects/${project.id}/stage`, {
      stage: 'production',
      note: 'Ship it',
    });
    expect(skip.status).toBe(422);
    expect(skip.body.error.code).toBe('stage_transition_invalid');
    expect(skip.body.error.details.allowed).toEqual(['poc', 'dropped']);

    const drop = await admin.client.post(`/projects/${project.id}/stage`, {
      stage: 'dropped',
      note: 'Sponsor left',
    });
    expect(drop.status).toBe(201);
    const restart = await admin.client.post(`/projects/${project.id}/stage`, {
      stage: 'scoping',
      note: 'New sponsor found',
    });
    expect(restart.status).toBe(201);
  });

  it('requires a note (the why) for every move', async () => {
    const { admin, project } = await env().factory.workspace();
    const reply = await admin.client.post<ErrorBody>(`/projects/${project.id}/stage`, {
      stage: 'dropped',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'note', location: 'body' }),
    ]);
  });
});
