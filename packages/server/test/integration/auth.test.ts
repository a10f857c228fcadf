import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { CreatedToken, ErrorBody, Me, Team, Token } from '@sextant/core';
import { LOGIN_THROTTLE } from '@sextant/server';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { TEST_PASSWORD } from '../support/factory.js';

/** Signs a new user in as if through an https reverse proxy; returns the Set-Cookie headers. */
async function loginOverHttps(env: TestEnv): Promise<string[]> {
  const { user } = await env.factory.user();
  const reply = await env.factory
    .client()
    .request(
      'POST',
      '/auth/login',
      { email: user.email, password: TEST_PASSWORD },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
  return ([] as string[]).concat(reply.raw.headers['set-cookie'] ?? []);
}

describeEachDatabase('accounts and sessions', (env) => {
  it('sets an HttpOnly, SameSite=Lax session cookie and a readable CSRF cookie at login', async () => {
    const { user } = await env().factory.user();
    const client = env().factory.client();
    const reply = await client.post<{ csrfToken: string }>('/auth/login', {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(reply.status).toBe(200);
    const setCookie = ([] as string[]).concat(reply.raw.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.startsWith('sextant_session='));
    const csrf = setCookie.find((c) => c.startsWith('sextant_csrf='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toContain(`sextant_csrf=${reply.body.csrfToken}`);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { user } = await env().factory.user();
    const client = env().factory.client();
    const wrong = await client.post<ErrorBody>('/auth/login', {
      email: user.email,
      password: 'not the password',
    });
    const unknown = await client.post<ErrorBody>('/auth/login', {
      email: 'nobody@example.test',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.raw.body).toBe(unknown.raw.body);
  });

  it('stores passwords as argon2id hashes and sessions and tokens only as hashes', async () => {
    const signedIn = await env().factory.user();
    const token = await signedIn.client.post<CreatedToken>('/tokens', { name: 'script' });
    const { db } = env().connection;
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', signedIn.user.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password_hash).not.toContain(TEST_PASSWORD);
    const sessions = await db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', signedIn.user.id)
      .execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain(signedIn.client.sessionCookie);
    const dump = JSON.stringify(await db.selectFrom('api_tokens').selectAll().execute());
    expect(dump).not.toContain(token.body.token);
    const audit = JSON.stringify(await db.selectFrom('audit_events').selectAll().execute());
    expect(audit).not.toContain(token.body.token);
    expect(audit).not.toContain(TEST_PASSWORD);
  });

  it('renews the session id at login and revokes the old one', async () => {
    const signedIn = await env().factory.user();
    const oldCookie = signedIn.client.sessionCookie ?? '';
    await signedIn.client.post('/auth/login', {
      email: signedIn.user.email,
      password: TEST_PASSWORD,
    });
    expect(signedIn.client.sessionCookie).toBeDefined();
    expect(signedIn.client.sessionCookie).not.toBe(oldCookie);
    const stale = env().factory.client();
    stale.setCookie('sextant_session', oldCookie);
    expect((await stale.get('/me')).status).toBe(401);
    expect((await signedIn.client.get('/me')).status).toBe(200);
  });

  it('revokes the session at logout', async () => {
    const signedIn = await env().factory.user();
    const cookie = signedIn.client.sessionCookie ?? '';
    expect((await signedIn.client.post('/auth/logout')).status).toBe(204);
    const replay = env().factory.client();
    replay.setCookie('sextant_session', cookie);
    expect((await replay.get('/me')).status).toBe(401);
  });

  it('ends every other session on password change and keeps the changer signed in', async () => {
    const laptop = await env().factory.user();
    const phone = env().factory.client();
    await phone.post('/auth/login', { email: laptop.user.email, password: TEST_PASSWORD });
    expect((await phone.get('/me')).status).toBe(200);
    const changed = await laptop.client.post('/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'an even longer new passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await phone.get('/me')).status).toBe(401);
    expect((await laptop.client.get('/me')).status).toBe(200);
    const oldLogin = await env().factory.client().post('/auth/login', {
      email: laptop.user.email,
      password: TEST_PASSWORD,
    });
    expect(oldLogin.status).toBe(401);
  });

  it('throttles wrong current passwords on a password change like failed logins', async () => {
    const signedIn = await env().factory.user();
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerEmail; i += 1) {
      const wrong = await signedIn.client.post<ErrorBody>('/me/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'a brand new passphrase',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details.fields).toEqual([
        { field: 'currentPassword', message: 'the current password is wrong' },
      ]);
    }
    const blocked = await signedIn.client.post<ErrorBody>('/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.raw.headers['retry-after'])).toBeGreaterThan(0);
    const login = await env().factory.client().post('/auth/login', {
      email: signedIn.user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(429);
  });

  it('refuses a password change made with a token instead of a browser session', async () => {
    const signedIn = await env().factory.user();
    const token = await signedIn.client.post<CreatedToken>('/tokens', { name: 'script' });
    const reply = await signedIn.client
      .withBearer(token.body.token)
      .post<ErrorBody>('/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a brand new passphrase',
      });
    expect(reply.status).toBe(403);
    expect(reply.raw.headers['set-cookie']).toBeUndefined();
    const login = await env().factory.client().post('/auth/login', {
      email: signedIn.user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
  });

  it('ends the sessions of a member removed from a team', async () => {
    const admin = await env().factory.user();
    const team = await env().factory.team(admin);
    const member = await env().factory.member(team.id, admin, 'member');
    expect((await member.client.get('/me')).status).toBe(200);
    expect((await admin.client.delete(`/teams/${team.id}/members/${member.user.id}`)).status).toBe(
      204,
    );
    expect((await member.client.get('/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const signedIn = await env().factory.user();
    signedIn.client.sendCsrf = false;
    const refused = await signedIn.client.post<ErrorBody>('/teams', { name: 'No CSRF' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    const forged = await signedIn.client.request<ErrorBody>(
      'POST',
      '/teams',
      { name: 'Forged' },
      {
        headers: { 'x-csrf-token': 'guessed' },
      },
    );
    expect(forged.status).toBe(403);
    const teams = await signedIn.client.get<{ items: Team[] }>('/teams');
    expect(teams.body.items).toEqual([]);
    signedIn.client.sendCsrf = true;
    expect((await signedIn.client.post('/teams', { name: 'With CSRF' })).status).toBe(201);
  });

  it('throttles repeated failed logins with 429 and Retry-After, then lets the person in once the window passes', async () => {
    const { user } = await env().factory.user();
    const client = env().factory.client();
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerEmail; i += 1) {
      const reply = await client.post('/auth/login', { email: user.email, password: `wrong ${i}` });
      expect(reply.status).toBe(401);
    }
    const blocked = await client.post<ErrorBody>('/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.raw.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_THROTTLE.windowMs / 1000);
    expect(blocked.body.error.code).toBe('too_many_requests');
    env().clock.advance(retryAfter * 1000);
    const allowed = await client.post('/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(allowed.status).toBe(200);
  });

  it('ignores a spoofed X-Forwarded-Proto when proxies are not trusted', async () => {
    const cookies = await loginOverHttps(env());
    expect(cookies.find((c) => c.startsWith('sextant_session='))).not.toMatch(/Secure/);
  });

  it('shows a token once, lists it without its secret, and records its last use', async () => {
    const signedIn = await env().factory.user();
    const created = await signedIn.client.post<CreatedToken>('/tokens', { name: 'notebook' });
    expect(created.status).toBe(201);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    const before = await signedIn.client.get<{ items: Token[] }>('/tokens');
    expect(before.body.items).toHaveLength(1);
    expect(before.body.items[0]).not.toHaveProperty('token');
    expect(before.body.items[0]?.lastUsedAt).toBeNull();
    const me = await signedIn.client.withBearer(created.body.token).get<Me>('/me');
    expect(me.body.via).toBe('personal_token');
    const after = await signedIn.client.get<{ items: Token[] }>('/tokens');
    expect(after.body.items[0]?.lastUsedAt).toBe(env().clock.now().toISOString());
  });

  it('refuses an expiry in the past', async () => {
    const signedIn = await env().factory.user();
    const reply = await signedIn.client.post<ErrorBody>('/tokens', {
      name: 'old',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toBe('expiresAt must be in the future.');
    const count = await sql<{
      n: number;
    }>`select count(*) as n from api_tokens where name = 'old'`.execute(env().connection.db);
    expect(Number(count.rows[0]?.n)).toBe(0);
  });
});

describeEachDatabase(
  'sessions behind a trusted https proxy',
  (env) => {
    it('marks both cookies Secure', async () => {
      const cookies = await loginOverHttps(env());
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
    });
  },
  { trustProxy: true },
);
