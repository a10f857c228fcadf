import { expect, it } from 'vitest';
import type { AuditEvent, CreatedToken, ErrorBody, Page, Person, User } from '@sextant/core';
import { TEST_PASSWORD, type SignedIn } from '../support/factory.js';
import { describeEachDatabase } from '../support/harness.js';

const CLI = { userId: null, tokenId: null, ip: null };

describeEachDatabase('people page, deactivation and own profile', (env) => {
  async function world() {
    // The workspace admin first: the first account of a workspace is always an admin.
    const root = await env().factory.user({ isAdmin: true });
    const { admin, team } = await env().factory.workspace();
    const member = await env().factory.member(team.id, admin, 'member');
    return { admin, root, team, member };
  }

  async function audit(root: SignedIn, action: string) {
    const reply = await root.client.get<Page<AuditEvent>>(`/audit?action=${action}&limit=200`);
    return reply.body.items;
  }

  it('lists everyone with teams, roles and last sign-in to workspace admins only', async () => {
    const w = await world();
    const listed = await w.root.client.get<Page<Person>>('/people?limit=200');
    expect(listed.status).toBe(200);
    const row = listed.body.items.find((p) => p.id === w.member.user.id);
    expect(row).toMatchObject({
      email: w.member.user.email,
      deactivatedAt: null,
      lastSignInAt: env().clock.now().toISOString(),
      teams: [{ id: w.team.id, name: w.team.name, role: 'member' }],
    });
    expect(row).not.toHaveProperty('passwordHash');
    expect((await w.member.client.get('/people')).status).toBe(403);
    expect((await w.admin.client.get('/people')).status).toBe(403);
    expect((await env().factory.client().get('/people')).status).toBe(401);
  });

  it('filters by a piece of name or email, sorts, and pages', async () => {
    const w = await world();
    const tag = `zq${Date.now().toString(36)}`;
    for (const name of ['Carol', 'alice', 'Bob']) {
      await env().services.users.create(
        {
          email: `${name.toLowerCase()}.${tag}@example.test`,
          name,
          password: TEST_PASSWORD,
          isAdmin: false,
        },
        null,
      );
    }
    const first = await w.root.client.get<Page<Person>>(`/people?q=${tag.toUpperCase()}&limit=2`);
    expect(first.body.items.map((p) => p.name)).toEqual(['alice', 'Bob']);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await w.root.client.get<Page<Person>>(
      `/people?q=${tag}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((p) => p.name)).toEqual(['Carol']);
    expect(second.body.nextCursor).toBeNull();
    const byEmail = await w.root.client.get<Page<Person>>(`/people?q=bob.${tag}`);
    expect(byEmail.body.items.map((p) => p.name)).toEqual(['Bob']);
    const wildcard = await w.root.client.get<Page<Person>>('/people?q=%25_%25');
    expect(wildcard.body.items).toEqual([]);
    const bad = await w.root.client.get<ErrorBody>('/people?sort=shoe-size');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('sort');
  });

  it('records the last sign-in at login, from the injected clock', async () => {
    const w = await world();
    env().clock.advance(3_600_000);
    const at = env().clock.now().toISOString();
    const again = env().factory.client();
    const login = await again.post('/auth/login', {
      email: w.member.user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    const listed = await w.root.client.get<Page<Person>>('/people?sort=lastSignIn&limit=200');
    expect(listed.body.items.find((p) => p.id === w.member.user.id)?.lastSignInAt).toBe(at);
    expect(listed.body.items[0]?.lastSignInAt).toBe(at);
  });

  it('ends a live session and a live token at once, keeps their work, and blocks sign-in', async () => {
    const w = await world();
    const token = await w.member.client.post<CreatedToken>('/tokens', { name: 'notebook' });
    expect(token.status).toBe(201);
    const bearer = env().factory.client().withBearer(token.body.token);
    expect((await bearer.get('/me')).status).toBe(200);
    expect((await w.member.client.get('/me')).status).toBe(200);

    const off = await w.root.client.post<Person>(`/users/${w.member.user.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.deactivatedAt).toBe(env().clock.now().toISOString());
    expect(off.body.teams).toHaveLength(1);

    expect((await w.member.client.get('/me')).status).toBe(401);
    expect((await bearer.get('/me')).status).toBe(401);

    const wrong = await env().factory.client().post('/auth/login', {
      email: w.admin.user.email,
      password: 'not the password at all',
    });
    const blocked = await env().factory.client().post('/auth/login', {
      email: w.member.user.email,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(401);
    expect(blocked.raw.body).toBe(wrong.raw.body);

    // Nothing of theirs is deleted: still a team member, still listed, shown as deactivated.
    const members = await w.admin.client.get<{ userId: string }[]>(`/teams/${w.team.id}/members`);
    expect(JSON.stringify(members.body)).toContain(w.member.user.id);
    const listed = await w.root.client.get<Page<Person>>('/people?limit=200');
    expect(listed.body.items.find((p) => p.id === w.member.user.id)?.deactivatedAt).not.toBeNull();

    const events = await audit(w.root, 'user.deactivated');
    const event = events.find((e) => e.targetId === w.member.user.id);
    expect(event).toMatchObject({
      actorUserId: w.root.user.id,
      details: { sessionsEnded: 1, tokensRevoked: 1 },
    });
    expect(JSON.stringify(event)).not.toContain(token.body.token);
  });

  it('reactivates: sign-in works again and the old token stays revoked', async () => {
    const w = await world();
    const token = await w.member.client.post<CreatedToken>('/tokens', { name: 'notebook' });
    await w.root.client.post(`/users/${w.member.user.id}/deactivate`);
    const on = await w.root.client.post<Person>(`/users/${w.member.user.id}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body.deactivatedAt).toBeNull();
    const back = env().factory.client();
    const login = await back.post('/auth/login', {
      email: w.member.user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect((await back.get('/me')).status).toBe(200);
    const old = env().factory.client().withBearer(token.body.token);
    expect((await old.get('/me')).status).toBe(401);
    const events = await audit(w.root, 'user.reactivated');
    expect(events.some((e) => e.targetId === w.member.user.id)).toBe(true);
  });

  it('refuses self-deactivation, the last active admin, non-admins and unknown ids', async () => {
    const w = await world();
    const self = await w.root.client.post<ErrorBody>(`/users/${w.root.user.id}/deactivate`);
    expect(self.status).toBe(409);
    expect((await w.root.client.get('/me')).status).toBe(200);
    expect((await w.member.client.post(`/users/${w.admin.user.id}/deactivate`)).status).toBe(403);
    const unknown = await w.root.client.post(
      `/users/01900000-0000-7000-8000-000000000000/deactivate`,
    );
    expect(unknown.status).toBe(404);

    // From the command line (no acting person) the last active admin cannot be deactivated.
    const people = await w.root.client.get<Page<Person>>('/people?limit=200');
    const admins = people.body.items.filter((p) => p.isAdmin && !p.deactivatedAt);
    const [last, ...others] = admins;
    for (const other of others) await env().services.users.deactivate(other.id, CLI);
    const refused = await env()
      .services.users.deactivate(last!.id, CLI)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'last_admin', status: 409 });
    for (const other of others) await env().services.users.reactivate(other.id, CLI);
  });

  it('lets everyone change their own name, and their email with the current password', async () => {
    const w = await world();
    const renamed = await w.member.client.patch<User>('/me', { name: 'Maria Jensen' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Maria Jensen');

    const newEmail = `maria.${Date.now().toString(36)}@example.test`;
    const missing = await w.member.client.patch<ErrorBody>('/me', { email: newEmail });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('currentPassword');
    const wrong = await w.member.client.patch<ErrorBody>('/me', {
      email: newEmail,
      currentPassword: 'not my password',
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('currentPassword');
    expect((await w.member.client.get<{ user: User }>('/me')).body.user.email).toBe(
      w.member.user.email,
    );

    const taken = await w.member.client.patch<ErrorBody>('/me', {
      email: w.admin.user.email,
      currentPassword: TEST_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).toContain('email');

    const bad = await w.member.client.patch<ErrorBody>('/me', { name: '   ' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('name');
    const badEmail = await w.member.client.patch<ErrorBody>('/me', { email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    expect(JSON.stringify(badEmail.body)).toContain('email');

    const moved = await w.member.client.patch<User>('/me', {
      email: newEmail.toUpperCase(),
      currentPassword: TEST_PASSWORD,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.email).toBe(newEmail);
    const login = await env().factory.client().post('/auth/login', {
      email: newEmail,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);

    const events = await audit(w.root, 'user.profile_changed');
    const mine = events.filter((e) => e.targetId === w.member.user.id);
    expect(mine.map((e) => e.details.changed)).toEqual([['email'], ['name']]);
    expect(JSON.stringify(mine)).not.toContain(TEST_PASSWORD);
  });
});
