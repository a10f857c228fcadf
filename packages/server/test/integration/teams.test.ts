import { expect, it } from 'vitest';
import type { AuditEvent, ErrorBody, Member, Page, Team } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('teams and roles', (env) => {
  it('makes the creator admin and lists members with roles', async () => {
    const admin = await env().factory.user({ name: 'Ada' });
    const team = await env().factory.team(admin, 'Reliability');
    expect(team).toMatchObject({ name: 'Reliability', role: 'admin', memberCount: 1 });
    const member = await env().factory.member(team.id, admin, 'member');
    const members = await member.client.get<{ items: Member[] }>(`/teams/${team.id}/members`);
    expect(members.body.items.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [admin.user.email, 'admin'],
        [member.user.email, 'member'],
      ].sort(),
    );
  });

  it('changes a role, audits it, and keeps at least one admin', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const member = await env().factory.member(team.id, admin, 'viewer');
    const promoted = await admin.client.patch<Member>(
      `/teams/${team.id}/members/${member.user.id}`,
      {
        role: 'member',
      },
    );
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('member');
    const log = await root.client.get<Page<AuditEvent>>(
      '/audit?action=team.role_changed&limit=200',
    );
    expect(log.body.items.find((e) => e.targetId === member.user.id)?.details).toEqual({
      from: 'viewer',
      to: 'member',
    });
    const teamLog = await admin.client.get<Page<AuditEvent>>(`/teams/${team.id}/audit`);
    expect(teamLog.body.items.map((e) => e.action)).toContain('team.role_changed');

    const demoteLast = await admin.client.patch<ErrorBody>(
      `/teams/${team.id}/members/${admin.user.id}`,
      {
        role: 'member',
      },
    );
    expect(demoteLast.status).toBe(409);
    expect(demoteLast.body.error.code).toBe('last_admin');
    const removeLast = await admin.client.delete<ErrorBody>(
      `/teams/${team.id}/members/${admin.user.id}`,
    );
    expect(removeLast.status).toBe(409);
  });

  it('refuses to add an unknown email or an existing member', async () => {
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const unknown = await admin.client.post<ErrorBody>(`/teams/${team.id}/members`, {
      email: 'ghost@example.test',
      role: 'member',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('user_not_found');
    const twice = await admin.client.post<ErrorBody>(`/teams/${team.id}/members`, {
      email: admin.user.email,
      role: 'member',
    });
    expect(twice.status).toBe(409);
  });

  it('lets a member read the team but not manage it', async () => {
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const member = await env().factory.member(team.id, admin, 'member');
    expect((await member.client.get<Team>(`/teams/${team.id}`)).body.role).toBe('member');
    const patch = await member.client.patch(`/teams/${team.id}/members/${admin.user.id}`, {
      role: 'viewer',
    });
    expect(patch.status).toBe(403);
  });
});
