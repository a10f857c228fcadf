import { expect, it } from 'vitest';
import type {
  ErrorBody,
  Page,
  Project,
  ProjectDetail,
  Risk,
  SuccessCriterion,
} from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { HIT_RATE_CRITERION } from '../support/factory.js';

describeEachDatabase('projects and scoping', (env) => {
  it('creates a project in scoping with its scope and answers 201 with the id at the top level', async () => {
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const reply = await admin.client.post<ProjectDetail>('/projects', {
      teamId: team.id,
      name: '  Churn early warning  ',
      scope: {
        why: 'Churn rose to 3.1 % a month',
        users: [{ name: 'Lea Brandt', role: 'Retention lead' }],
        pocConstraints: ['time', 'resources'],
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: 'Churn early warning',
      stage: 'scoping',
      teamId: team.id,
      teamName: team.name,
      role: 'admin',
      archivedAt: null,
      scope: {
        why: 'Churn rose to 3.1 % a month',
        sponsor: '',
        users: [{ name: 'Lea Brandt', role: 'Retention lead' }],
        currentMetric: null,
        pocConstraints: ['time', 'resources'],
      },
      goals: [],
      successCriterion: null,
      allowedMoves: ['poc', 'dropped'],
    });
    expect(reply.body.next?.stage).toBe('poc');
    expect(reply.body.next?.unmetGates.map((g) => g.gate)).toEqual([
      'quantifiable_goal',
      'success_criterion',
    ]);
  });

  it('merges a scope patch key by key and leaves other keys alone', async () => {
    const { admin, project } = await env().factory.workspace({ why: 'Pain', sponsor: 'CFO' });
    const reply = await admin.client.patch<ProjectDetail>(`/projects/${project.id}`, {
      scope: { sponsor: 'CEO', currentMetric: { name: 'Churn', value: 3.1, unit: '%' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.scope).toMatchObject({
      why: 'Pain',
      sponsor: 'CEO',
      currentMetric: { name: 'Churn', value: 3.1, unit: '%' },
    });
    const cleared = await admin.client.patch<ProjectDetail>(`/projects/${project.id}`, {
      scope: { currentMetric: null },
    });
    expect(cleared.body.scope.currentMetric).toBeNull();
    expect(cleared.body.scope.sponsor).toBe('CEO');
  });

  it('lists newest first with cursor pagination and filters by team and stage', async () => {
    const admin = await env().factory.user();
    const teamA = await env().factory.team(admin);
    const teamB = await env().factory.team(admin);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) created.push((await env().factory.project(admin, teamA.id)).id);
    const inB = await env().factory.project(admin, teamB.id);
    await admin.client.post(`/projects/${inB.id}/stage`, { stage: 'dropped', note: 'No data' });

    const first = await admin.client.get<Page<Project>>(`/projects?teamId=${teamA.id}&limit=2`);
    expect(first.body.items.map((p) => p.id)).toEqual([created[4], created[3]]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await admin.client.get<Page<Project>>(
      `/projects?teamId=${teamA.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((p) => p.id)).toEqual([created[2], created[1]]);
    const third = await admin.client.get<Page<Project>>(
      `/projects?teamId=${teamA.id}&limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items.map((p) => p.id)).toEqual([created[0]]);
    expect(third.body.nextCursor).toBeNull();

    const dropped = await admin.client.get<Page<Project>>('/projects?stage=dropped');
    expect(dropped.body.items.map((p) => p.id)).toEqual([inB.id]);
  });

  it('archives a project: hidden from the default list, read-only, and undone by unarchive', async () => {
    const { admin, team, project } = await env().factory.workspace();
    const archived = await admin.client.post<ProjectDetail>(`/projects/${project.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const visible = await admin.client.get<Page<Project>>(`/projects?teamId=${team.id}`);
    expect(visible.body.items).toEqual([]);
    const onlyArchived = await admin.client.get<Page<Project>>(
      `/projects?teamId=${team.id}&archived=true`,
    );
    expect(onlyArchived.body.items.map((p) => p.id)).toEqual([project.id]);
    const edit = await admin.client.patch<ErrorBody>(`/projects/${project.id}`, {
      name: 'Changed',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('archived');
    const restored = await admin.client.post<ProjectDetail>(`/projects/${project.id}/unarchive`);
    expect(restored.body.archivedAt).toBeNull();
    expect((await admin.client.patch(`/projects/${project.id}`, { name: 'Changed' })).status).toBe(
      200,
    );
  });

  it('refuses project creation in a team the caller is not in (404) or only views (403)', async () => {
    const a = await env().factory.workspace();
    const outsider = await env().factory.user();
    const notMember = await outsider.client.post<ErrorBody>('/projects', {
      teamId: a.team.id,
      name: 'X',
    });
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.message).toBe('Team not found');
    const viewer = await env().factory.member(a.team.id, a.admin, 'viewer');
    expect((await viewer.client.post('/projects', { teamId: a.team.id, name: 'X' })).status).toBe(
      403,
    );
  });

  it('stores the success criterion with a fingerprint that depends only on the evaluation strategy', async () => {
    const { admin, project } = await env().factory.workspace();
    const first = await admin.client.put<SuccessCriterion>(
      `/projects/${project.id}/success-criterion`,
      { ...HIT_RATE_CRITERION, evaluation: { ...HIT_RATE_CRITERION.evaluation, testWindow: '7d' } },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ metricName: 'hit_rate_at_10', threshold: 2 });
    expect(first.body.evaluationFingerprint).toMatch(/^[0-9a-f]{16}$/);
    const sameInWeeks = await admin.client.put<SuccessCriterion>(
      `/projects/${project.id}/success-criterion`,
      {
        ...HIT_RATE_CRITERION,
        threshold: 3,
        evaluation: { ...HIT_RATE_CRITERION.evaluation, testWindow: '1w' },
      },
    );
    expect(sameInWeeks.body.evaluationFingerprint).toBe(first.body.evaluationFingerprint);
    const sliding = await admin.client.put<SuccessCriterion>(
      `/projects/${project.id}/success-criterion`,
      {
        ...HIT_RATE_CRITERION,
        evaluation: { ...HIT_RATE_CRITERION.evaluation, trainWindow: 'sliding', trainSize: '52w' },
      },
    );
    expect(sliding.body.evaluationFingerprint).not.toBe(first.body.evaluationFingerprint);
    const read = await admin.client.get<SuccessCriterion>(
      `/projects/${project.id}/success-criterion`,
    );
    expect(read.body.evaluation).toEqual({
      trainWindow: 'sliding',
      trainSize: '52w',
      testWindow: '1d',
      step: '1d',
      horizon: '2d',
    });
    const noSize = await admin.client.put<ErrorBody>(`/projects/${project.id}/success-criterion`, {
      ...HIT_RATE_CRITERION,
      evaluation: { ...HIT_RATE_CRITERION.evaluation, trainWindow: 'sliding' },
    });
    expect(noSize.status).toBe(400);
    expect(noSize.body.error.message).toContain('evaluation.trainSize');
  });

  it('keeps a risk register that members can edit', async () => {
    const { admin, project } = await env().factory.workspace();
    const created = await admin.client.post<Risk>(`/projects/${project.id}/risks`, {
      description: 'Planners lose their morning routine',
      affectedRoles: ['Maintenance planner'],
      likelihood: 'high',
      impact: 'medium',
      owner: 'VP Manufacturing',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', mitigation: '' });
    const updated = await admin.client.patch<Risk>(
      `/projects/${project.id}/risks/${created.body.id}`,
      {
        status: 'mitigating',
        mitigation: 'Planner joins every demo',
      },
    );
    expect(updated.body).toMatchObject({
      status: 'mitigating',
      mitigation: 'Planner joins every demo',
      likelihood: 'high',
    });
    const list = await admin.client.get<{ items: Risk[] }>(`/projects/${project.id}/risks`);
    expect(list.body.items).toHaveLength(1);
    expect(
      (await admin.client.delete(`/projects/${project.id}/risks/${created.body.id}`)).status,
    ).toBe(204);
    expect(
      (await admin.client.get<{ items: Risk[] }>(`/projects/${project.id}/risks`)).body.items,
    ).toEqual([]);
  });
});
