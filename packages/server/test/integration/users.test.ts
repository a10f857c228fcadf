import { expect, it } from 'vitest';
import type { FastifyError } from 'fastify';
import type { ErrorBody, Page, User } from '@sextant/core';
import { toAppError } from '../../src/plugins/errors.plugin.js';
import { describeEachDatabase } from '../support/harness.js';

const newUser = (email: string) => ({
  email,
  name: 'New Person',
  password: 'a long enough password',
});

describeEachDatabase('accounts', (env) => {
  it('lets a workspace admin create and list accounts, and nobody else', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const someone = await env().factory.user();
    const created = await root.client.post<User>('/users', newUser('new.person@example.test'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.test', isAdmin: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    const listed = await root.client.get<Page<User>>('/users?limit=200');
    expect(listed.body.items.map((u) => u.email)).toContain('new.person@example.test');
    expect((await someone.client.post('/users', newUser('x@example.test'))).status).toBe(403);
    expect((await someone.client.get('/users')).status).toBe(403);
  });

  it('answers concurrent creations of one email with exactly one 201 and 409 for the rest', async () => {
    const root = await env().factory.user({ isAdmin: true });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        root.client.post<ErrorBody>('/users', newUser('race@example.test')),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const reply of replies.filter((r) => r.status === 409)) {
      expect(['email_taken', 'conflict']).toContain(reply.body.error.code);
    }
    const listed = await root.client.get<Page<User>>('/users?limit=200');
    expect(listed.body.items.filter((u) => u.email === 'race@example.test')).toHaveLength(1);
  });
});

describeEachDatabase('database constraint errors', (env) => {
  it("map the driver's unique and reference violations to 409, not 500", async () => {
    const repos = env().store.repos;
    const now = env().clock.now().toISOString();
    const user = {
      email: 'twice@example.test',
      name: 'Twice',
      passwordHash: 'x',
      isAdmin: false,
      now,
    };
    await repos.users.insert(user);
    const unique = await repos.users.insert(user).catch((error: unknown) => error);
    expect(toAppError(unique as FastifyError)).toMatchObject({ status: 409, code: 'conflict' });
    const dangling = await repos.teams
      .addMember({ teamId: 'no-such-team', userId: 'no-such-user', role: 'admin', now })
      .catch((error: unknown) => error);
    expect(toAppError(dangling as FastifyError)).toMatchObject({ status: 409, code: 'conflict' });
  });
});
