import { expect, it } from 'vitest';
import type {
  AcceptedInvitation,
  AuditEvent,
  CreatedInvitation,
  ErrorBody,
  Invitation,
  InvitationView,
  Me,
  Member,
  Page,
} from '@sextant/core';
import { TEST_PASSWORD, type SignedIn } from '../support/factory.js';
import { describeEachDatabase } from '../support/harness.js';

const DAY_MS = 24 * 3600 * 1000;
const NEW_PASSWORD = 'a long enough passphrase';

let counter = 0;
const inviteeEmail = () => `invitee-${Date.now().toString(36)}${(counter += 1)}@example.test`;

const fields = (body: ErrorBody) =>
  ((body.error.details.fields ?? []) as { field: string }[]).map((f) => f.field);

describeEachDatabase('invitations', (env) => {
  async function invite(admin: SignedIn, teamId: string, role = 'member', email = inviteeEmail()) {
    const reply = await admin.client.post<CreatedInvitation>(`/teams/${teamId}/invitations`, {
      email,
      role,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  it('makes a one-time link shown once, lists it as pending and stores only its hash', async () => {
    const { admin, team } = await env().factory.workspace();
    const email = inviteeEmail();
    const created = await invite(admin, team.id, 'viewer', email);
    expect(created).toMatchObject({ teamId: team.id, email, role: 'viewer' });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/invitations/${created.token}`);
    // No SMTP here: the link is only shown, and the answer says so.
    expect(created.emailed).toBe(false);
    expect(created.invitedBy?.id).toBe(admin.user.id);
    expect(new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime()).toBe(
      7 * DAY_MS,
    );

    const list = await admin.client.get<{ items: Invitation[] }>(`/teams/${team.id}/invitations`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: created.id, email, role: 'viewer' });
    expect(JSON.stringify(list.body)).not.toContain(created.token);

    const rows = await env().connection.db.selectFrom('invitations').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const audit = JSON.stringify(
      await env().connection.db.selectFrom('audit_events').selectAll().execute(),
    );
    expect(audit).not.toContain(created.token);

    const again = await admin.client.post<ErrorBody>(`/teams/${team.id}/invitations`, {
      email,
      role: 'member',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.field).toBe('email');
  });

  it('accepts: the account is created with the role, signed in, and the link is used up', async () => {
    const { admin, team } = await env().factory.workspace();
    const created = await invite(admin, team.id, 'member');

    const visitor = env().factory.client();
    const view = await visitor.get<InvitationView>(`/invitations/${created.token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      team: { id: team.id, name: team.name },
      email: created.email,
      role: 'member',
      invitedByName: admin.user.name,
      existingAccount: false,
    });

    const accepted = await visitor.post<AcceptedInvitation>(
      `/invitations/${created.token}/accept`,
      {
        name: 'Olga Operator',
        password: NEW_PASSWORD,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ teamId: team.id, role: 'member' });
    expect(accepted.body.user).toMatchObject({
      email: created.email,
      name: 'Olga Operator',
      isAdmin: false,
    });

    const me = await visitor.get<Me>('/me');
    expect(me.status).toBe(200);
    expect(me.body.user?.email).toBe(created.email);
    expect(me.body.teams).toEqual([{ id: team.id, name: team.name, role: 'member' }]);
    // The session writes too (CSRF token from the answer's cookie).
    const project = await visitor.post(`/projects`, { teamId: team.id, name: 'From the invitee' });
    expect(project.status).toBe(201);

    const members = await admin.client.get<{ items: Member[] }>(`/teams/${team.id}/members`);
    expect(members.body.items.find((m) => m.email === created.email)?.role).toBe('member');
    const pending = await admin.client.get<{ items: Invitation[] }>(
      `/teams/${team.id}/invitations`,
    );
    expect(pending.body.items).toEqual([]);

    // The password is the one chosen: a fresh login works.
    const login = await env().factory.client().post('/auth/login', {
      email: created.email,
      password: NEW_PASSWORD,
    });
    expect(login.status).toBe(200);

    // Reuse is refused and changes nothing.
    const usersBefore = await env().connection.db.selectFrom('users').select('id').execute();
    const reuse = await env()
      .factory.client()
      .post<ErrorBody>(`/invitations/${created.token}/accept`, {
        name: 'Someone else',
        password: NEW_PASSWORD,
      });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error.code).toBe('invitation_used');
    const reuseView = await env().factory.client().get<ErrorBody>(`/invitations/${created.token}`);
    expect(reuseView.status).toBe(410);
    expect(reuseView.body.error.code).toBe('invitation_used');
    const usersAfter = await env().connection.db.selectFrom('users').select('id').execute();
    expect(usersAfter).toHaveLength(usersBefore.length);
  });

  it('expires after 7 days and a second: refused, nothing created', async () => {
    const { admin, team } = await env().factory.workspace();
    const created = await invite(admin, team.id);
    const start = env().clock.now();
    try {
      env().clock.advance(7 * DAY_MS - 1000);
      const stillOpen = await env().factory.client().get(`/invitations/${created.token}`);
      expect(stillOpen.status).toBe(200);
      env().clock.advance(2000);
      const view = await env().factory.client().get<ErrorBody>(`/invitations/${created.token}`);
      expect(view.status).toBe(410);
      expect(view.body.error.code).toBe('invitation_expired');
      const accept = await env()
        .factory.client()
        .post<ErrorBody>(`/invitations/${created.token}/accept`, {
          name: 'Late',
          password: NEW_PASSWORD,
        });
      expect(accept.status).toBe(410);
      expect(accept.body.error.code).toBe('invitation_expired');
      const user = await env().store.repos.users.findByEmail(created.email);
      expect(user).toBeUndefined();
      const pending = await admin.client.get<{ items: Invitation[] }>(
        `/teams/${team.id}/invitations`,
      );
      expect(pending.body.items).toEqual([]);
    } finally {
      env().clock.set(start);
    }
  });

  it('revokes: the link answers exactly like an unknown one, and nothing is created', async () => {
    const { admin, team } = await env().factory.workspace();
    const created = await invite(admin, team.id);
    const revoked = await admin.client.delete(`/teams/${team.id}/invitations/${created.id}`);
    expect(revoked.status).toBe(204);
    const twice = await admin.client.delete(`/teams/${team.id}/invitations/${created.id}`);
    expect(twice.status).toBe(204);

    const visitor = env().factory.client();
    const view = await visitor.get<ErrorBody>(`/invitations/${created.token}`);
    const unknown = await visitor.get<ErrorBody>(`/invitations/${'x'.repeat(43)}`);
    expect(view.status).toBe(404);
    expect(view.raw.body).toBe(unknown.raw.body);
    const accept = await visitor.post<ErrorBody>(`/invitations/${created.token}/accept`, {
      name: 'Revoked',
      password: NEW_PASSWORD,
    });
    const acceptUnknown = await visitor.post<ErrorBody>(`/invitations/${'y'.repeat(43)}/accept`, {
      name: 'Revoked',
      password: NEW_PASSWORD,
    });
    expect(accept.status).toBe(404);
    expect(accept.raw.body).toBe(acceptUnknown.raw.body);
    expect(await env().store.repos.users.findByEmail(created.email)).toBeUndefined();
    const pending = await admin.client.get<{ items: Invitation[] }>(
      `/teams/${team.id}/invitations`,
    );
    expect(pending.body.items).toEqual([]);
  });

  it("answers 404 for another team's invitations, and 403 to its viewers and members", async () => {
    const { admin, team } = await env().factory.workspace();
    const created = await invite(admin, team.id);
    const other = await env().factory.workspace();
    const foreignList = await other.admin.client.get<ErrorBody>(`/teams/${team.id}/invitations`);
    const missingList = await other.admin.client.get<ErrorBody>(
      `/teams/0190b3a0-0000-7000-8000-000000000000/invitations`,
    );
    expect(foreignList.status).toBe(404);
    expect(foreignList.raw.body).toBe(missingList.raw.body);
    const foreignRevoke = await other.admin.client.delete(
      `/teams/${team.id}/invitations/${created.id}`,
    );
    expect(foreignRevoke.status).toBe(404);
    // An admin of another team cannot revoke through their own team's path either.
    const crossPath = await other.admin.client.delete<ErrorBody>(
      `/teams/${other.team.id}/invitations/${created.id}`,
    );
    expect(crossPath.status).toBe(404);
    expect(crossPath.body.error.message).toBe('Invitation not found');
    const foreignCreate = await other.admin.client.post(`/teams/${team.id}/invitations`, {
      email: inviteeEmail(),
      role: 'admin',
    });
    expect(foreignCreate.status).toBe(404);

    for (const role of ['viewer', 'member'] as const) {
      const who = await env().factory.member(team.id, admin, role);
      const create = await who.client.post(`/teams/${team.id}/invitations`, {
        email: inviteeEmail(),
        role: 'viewer',
      });
      expect(create.status, role).toBe(403);
      expect((await who.client.get(`/teams/${team.id}/invitations`)).status, role).toBe(403);
      expect(
        (await who.client.delete(`/teams/${team.id}/invitations/${created.id}`)).status,
        role,
      ).toBe(403);
    }
    const pending = await admin.client.get<{ items: Invitation[] }>(
      `/teams/${team.id}/invitations`,
    );
    expect(pending.body.items.map((i) => i.id)).toEqual([created.id]);
  });

  it('lets a workspace admin who is not in the team invite, list and revoke', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const { team } = await env().factory.workspace();
    const created = await invite(root, team.id, 'admin');
    const list = await root.client.get<{ items: Invitation[] }>(`/teams/${team.id}/invitations`);
    expect(list.body.items.map((i) => i.id)).toEqual([created.id]);
    expect((await root.client.delete(`/teams/${team.id}/invitations/${created.id}`)).status).toBe(
      204,
    );
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const { admin, team } = await env().factory.workspace();
    const badEmail = await admin.client.post<ErrorBody>(`/teams/${team.id}/invitations`, {
      email: 'not-an-email',
      role: 'member',
    });
    expect(badEmail.status).toBe(400);
    expect(fields(badEmail.body)).toEqual(['email']);
    const badRole = await admin.client.post<ErrorBody>(`/teams/${team.id}/invitations`, {
      email: inviteeEmail(),
      role: 'owner',
    });
    expect(badRole.status).toBe(400);
    expect(fields(badRole.body)).toEqual(['role']);
    const extra = await admin.client.post<ErrorBody>(`/teams/${team.id}/invitations`, {
      email: inviteeEmail(),
      role: 'member',
      token: 'mine',
    });
    expect(extra.status).toBe(400);
    const pending = await admin.client.get<{ items: Invitation[] }>(
      `/teams/${team.id}/invitations`,
    );
    expect(pending.body.items).toEqual([]);

    const created = await invite(admin, team.id);
    const visitor = env().factory.client();
    const shortPassword = await visitor.post<ErrorBody>(`/invitations/${created.token}/accept`, {
      name: 'Olga',
      password: 'short',
    });
    expect(shortPassword.status).toBe(400);
    expect(fields(shortPassword.body)).toEqual(['password']);
    const noName = await visitor.post<ErrorBody>(`/invitations/${created.token}/accept`, {
      name: '   ',
      password: NEW_PASSWORD,
    });
    expect(noName.status).toBe(400);
    expect(fields(noName.body)).toEqual(['name']);
    expect(await env().store.repos.users.findByEmail(created.email)).toBeUndefined();
    const stillPending = await visitor.get(`/invitations/${created.token}`);
    expect(stillPending.status).toBe(200);
  });

  it('an email with an account joins by signing in as it; nobody else may use the link', async () => {
    const { admin, team } = await env().factory.workspace();
    const existing = await env().factory.user({ name: 'Existing Person' });
    const created = await invite(admin, team.id, 'viewer', existing.user.email);

    const view = await env().factory.client().get<InvitationView>(`/invitations/${created.token}`);
    expect(view.body.existingAccount).toBe(true);
    const secondAccount = await env()
      .factory.client()
      .post<ErrorBody>(`/invitations/${created.token}/accept`, {
        name: 'Impostor',
        password: NEW_PASSWORD,
      });
    expect(secondAccount.status).toBe(409);
    expect(secondAccount.body.error.code).toBe('email_taken');

    const anonymous = await env().factory.client().post(`/invitations/${created.token}/join`);
    expect(anonymous.status).toBe(401);
    const someoneElse = await env().factory.user();
    const wrong = await someoneElse.client.post<ErrorBody>(`/invitations/${created.token}/join`);
    expect(wrong.status).toBe(403);
    expect(await env().store.repos.teams.roleOf(team.id, someoneElse.user.id)).toBeUndefined();

    const joined = await existing.client.post<AcceptedInvitation>(
      `/invitations/${created.token}/join`,
    );
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toMatchObject({ teamId: team.id, role: 'viewer', csrfToken: null });
    expect(await env().store.repos.teams.roleOf(team.id, existing.user.id)).toBe('viewer');
    const again = await existing.client.post<ErrorBody>(`/invitations/${created.token}/join`);
    expect(again.status).toBe(410);
    // The password did not change.
    const login = await env().factory.client().post('/auth/login', {
      email: existing.user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
  });

  it('audits creation, revocation and acceptance, with no secret', async () => {
    const { admin, team } = await env().factory.workspace();
    const revokedOne = await invite(admin, team.id, 'viewer');
    await admin.client.delete(`/teams/${team.id}/invitations/${revokedOne.id}`);
    const acceptedOne = await invite(admin, team.id, 'admin');
    const visitor = env().factory.client();
    const accepted = await visitor.post<AcceptedInvitation>(
      `/invitations/${acceptedOne.token}/accept`,
      { name: 'New Admin', password: NEW_PASSWORD },
    );
    expect(accepted.status).toBe(201);

    const log = await admin.client.get<Page<AuditEvent>>(`/teams/${team.id}/audit?limit=200`);
    const ofInvitations = log.body.items.filter((e) => e.targetType === 'invitation');
    const actions = ofInvitations.map((e) => [e.action, e.targetId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['invitation.created', revokedOne.id],
        ['invitation.revoked', revokedOne.id],
        ['invitation.created', acceptedOne.id],
        ['invitation.accepted', acceptedOne.id],
      ]),
    );
    const acceptance = ofInvitations.find((e) => e.action === 'invitation.accepted');
    expect(acceptance?.details).toMatchObject({ role: 'admin', userId: accepted.body.user.id });
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(revokedOne.token);
    expect(text).not.toContain(acceptedOne.token);
    expect(text).not.toContain(NEW_PASSWORD);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const reply = await env()
      .factory.client()
      .get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/teams/{id}/invitations',
        '/api/v1/teams/{id}/invitations/{invitationId}',
        '/api/v1/invitations/{token}',
        '/api/v1/invitations/{token}/accept',
        '/api/v1/invitations/{token}/join',
      ]),
    );
  });

  it('throttles link guessing per client address like logins', async () => {
    const visitor = env().factory.client();
    const start = env().clock.now();
    try {
      // Move to a fresh window so earlier tests' failures do not count.
      env().clock.advance(DAY_MS);
      let last = 0;
      for (let i = 0; i < 51; i += 1) {
        last = (await visitor.get(`/invitations/guess-${i}`)).status;
      }
      expect(last).toBe(429);
    } finally {
      env().clock.set(start);
      await env().connection.db.deleteFrom('login_failures').execute();
    }
  });
});
