import { AppError, type TeamRole, type User } from '@sextant/core';
import type { UserRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Principal } from '../http/access.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../security/passwords.js';
import { looksLikeApiToken, randomSecret, sha256Hex } from '../security/secrets.js';
import { presentTeam } from '../presenters/teams.js';
import { presentUser } from '../presenters/users.js';
import type { ServiceDeps } from './deps.js';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Writes to `last_seen_at` / `last_used_at` at most this often per session or token. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Login throttling: failures counted in the database, per email and per client address. */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 50,
} as const;

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session cookie the client came with, if any: it is ended, never reused. */
  previousSessionToken: string | null;
}

export interface IssuedSession {
  user: User;
  sessionToken: string;
  csrfToken: string;
}

export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  async login(input: LoginInput): Promise<IssuedSession> {
    const { store, clock } = this.deps;
    const now = clock.now();
    await this.assertNotThrottled(input.email, input.ip, now);

    const credentials = await store.repos.users.findCredentials(input.email);
    const ok = credentials
      ? await verifyPassword(credentials.passwordHash, input.password)
      : await burnPasswordCheck(input.password);
    // A deactivated account answers exactly like a wrong password: no account oracle.
    if (!credentials || !ok || credentials.deactivatedAt) {
      await this.recordFailure('auth.login_failed', input.email, input.ip, credentials?.id ?? null);
      throw new AppError('unauthenticated', 'Email or password is wrong.');
    }
    const { passwordHash: _hash, ...user } = credentials;
    const issued = await store.transaction(async (repos) => {
      const at = iso(clock.now());
      if (input.previousSessionToken) {
        await repos.sessions.revoke(sha256Hex(input.previousSessionToken), at);
      }
      await repos.loginFailures.clearForEmail(input.email);
      await repos.users.recordSignIn(user.id, at);
      const tokens = await this.insertSession(repos.sessions, user.id, input, clock.now());
      await repos.audit.record({ action: 'auth.login', actorUserId: user.id, ip: input.ip }, at);
      return tokens;
    });
    return { user: presentUser(user), ...issued };
  }

  /**
   * Refuses with 429 + Retry-After once an email or a client address has too many recent
   * failed password checks (logins and password changes alike).
   */
  private async assertNotThrottled(email: string, ip: string, now: Date): Promise<void> {
    const { store } = this.deps;
    const since = iso(new Date(now.getTime() - LOGIN_THROTTLE.windowMs));
    const [byEmail, byIp] = await Promise.all([
      store.repos.loginFailures.sinceForEmail(email, since),
      store.repos.loginFailures.sinceForIp(ip, since),
    ]);
    const blocked =
      byEmail.count >= LOGIN_THROTTLE.maxFailuresPerEmail
        ? byEmail
        : byIp.count >= LOGIN_THROTTLE.maxFailuresPerIp
          ? byIp
          : null;
    if (!blocked) return;
    const freeAt = new Date(blocked.oldest ?? iso(now)).getTime() + LOGIN_THROTTLE.windowMs;
    const retryAfter = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    await store.repos.audit.record({ action: 'auth.throttled', ip, details: { email } }, iso(now));
    throw new AppError(
      'too_many_requests',
      `Too many failed password attempts; try again in ${retryAfter} seconds.`,
      { retryAfterSeconds: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }

  /**
   * Checks a signed-in person's current password before a sensitive change (throttled like a
   * login); a wrong one is recorded as `failAction` and answers 400 naming `currentPassword`.
   */
  async verifyCurrentPassword(
    user: UserRecord,
    password: string | undefined,
    ip: string,
    failAction: string,
  ): Promise<void> {
    const { store, clock } = this.deps;
    await this.assertNotThrottled(user.email, ip, clock.now());
    const credentials = await store.repos.users.findCredentialsById(user.id);
    const ok =
      credentials && password !== undefined
        ? await verifyPassword(credentials.passwordHash, password)
        : false;
    if (!ok) {
      if (password !== undefined) await this.recordFailure(failAction, user.email, ip, user.id);
      const message =
        password === undefined
          ? 'your current password is needed'
          : 'the current password is wrong';
      throw new AppError('invalid_request', `currentPassword: ${message}.`, {
        fields: [{ field: 'currentPassword', message }],
      });
    }
  }

  private async recordFailure(
    action: string,
    email: string,
    ip: string,
    userId: string | null,
  ): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    await store.transaction(async (repos) => {
      await repos.loginFailures.record(email, ip, iso(now));
      await repos.loginFailures.pruneBefore(iso(new Date(now.getTime() - 24 * 3600 * 1000)));
      await repos.audit.record({ action, actorUserId: userId, ip, details: { email } }, iso(now));
    });
  }

  /**
   * Starts a session for a person inside the caller's transaction (an accepted invitation
   * signs its new account in), ending the session the client came with, if any.
   */
  async startSession(
    repos: ServiceDeps['store']['repos'],
    userId: string,
    client: { ip: string; userAgent: string | null; previousSessionToken: string | null },
  ): Promise<{ sessionToken: string; csrfToken: string }> {
    const now = this.deps.clock.now();
    if (client.previousSessionToken) {
      await repos.sessions.revoke(sha256Hex(client.previousSessionToken), iso(now));
    }
    return this.insertSession(repos.sessions, userId, client, now);
  }

  private async insertSession(
    sessions: ServiceDeps['store']['repos']['sessions'],
    userId: string,
    client: { ip: string; userAgent: string | null },
    now: Date,
  ): Promise<{ sessionToken: string; csrfToken: string }> {
    const sessionToken = randomSecret();
    const csrfToken = randomSecret();
    await sessions.insert({
      idHash: sha256Hex(sessionToken),
      userId,
      csrfHash: sha256Hex(csrfToken),
      now: iso(now),
      expiresAt: iso(new Date(now.getTime() + SESSION_TTL_MS)),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { sessionToken, csrfToken };
  }

  /** Who a signed-in person is, with their teams and role in each (`GET /me`). */
  async me(
    user: UserRecord,
  ): Promise<{ user: User; teams: { id: string; name: string; role: TeamRole }[] }> {
    const teams = await this.deps.store.repos.teams.listForUser(user.id);
    return {
      user: presentUser(user),
      teams: teams.map((t) => ({ id: t.id, name: t.name, role: presentTeam(t).role })),
    };
  }

  async logout(principal: Principal, ip: string): Promise<void> {
    if (principal.kind !== 'user' || !principal.sessionIdHash) return;
    const at = iso(this.deps.clock.now());
    const idHash = principal.sessionIdHash;
    await this.deps.store.transaction(async (repos) => {
      await repos.sessions.revoke(idHash, at);
      await repos.audit.record({ action: 'auth.logout', actorUserId: principal.user.id, ip }, at);
    });
  }

  /** The signed-in person behind a session cookie, or null when it is unknown, revoked or expired. */
  async resolveSession(sessionToken: string): Promise<Principal | null> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const idHash = sha256Hex(sessionToken);
    const session = await store.repos.sessions.findActive(idHash, iso(now));
    if (!session) return null;
    const user = await store.repos.users.findById(session.userId);
    if (!user) return null;
    if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
      await store.repos.sessions.touch(idHash, iso(now));
    }
    return {
      kind: 'user',
      user,
      via: 'session',
      sessionIdHash: idHash,
      csrfHash: session.csrfHash,
      tokenId: null,
    };
  }

  /** A bearer token's principal; an unknown, revoked or expired token is a 401 that says which. */
  async resolveToken(token: string, ip: string): Promise<Principal> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const record = looksLikeApiToken(token)
      ? await store.repos.tokens.findByHash(sha256Hex(token))
      : undefined;
    const reason = !record
      ? 'unknown'
      : record.revokedAt
        ? 'revoked'
        : record.expiresAt && record.expiresAt <= iso(now)
          ? 'expired'
          : null;
    if (!record || reason) {
      await store.repos.audit.record(
        {
          action: 'auth.token_rejected',
          actorTokenId: record?.id ?? null,
          ip,
          details: { reason },
        },
        iso(now),
      );
      const message =
        reason === 'revoked'
          ? 'This token has been revoked.'
          : reason === 'expired'
            ? 'This token has expired.'
            : 'This token is not valid.';
      throw new AppError('invalid_token', message, { reason });
    }
    if (
      !record.lastUsedAt ||
      now.getTime() - new Date(record.lastUsedAt).getTime() > TOUCH_EVERY_MS
    ) {
      await store.repos.tokens.touch(record.id, iso(now));
    }
    if (record.kind === 'ci' && record.projectId) {
      return {
        kind: 'ci',
        tokenId: record.id,
        projectId: record.projectId,
        createdBy: record.userId,
      };
    }
    const user = await store.repos.users.findById(record.userId);
    if (!user)
      throw new AppError('invalid_token', 'This token is not valid.', { reason: 'unknown' });
    return {
      kind: 'user',
      user,
      via: 'personal_token',
      sessionIdHash: null,
      csrfHash: null,
      tokenId: record.id,
    };
  }

  /**
   * Changes the password and ends every session of the user, this one included; the
   * caller gets a fresh session so the person stays signed in here and nowhere else.
   */
  async changePassword(
    user: UserRecord,
    input: { currentPassword: string; newPassword: string },
    client: { ip: string; userAgent: string | null },
  ): Promise<{ sessionToken: string; csrfToken: string }> {
    const { store, clock } = this.deps;
    await this.assertNotThrottled(user.email, client.ip, clock.now());
    const credentials = await store.repos.users.findCredentialsById(user.id);
    if (!credentials || !(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
      await this.recordFailure('auth.password_change_failed', user.email, client.ip, user.id);
      throw new AppError('invalid_request', 'currentPassword: the current password is wrong.', {
        fields: [{ field: 'currentPassword', message: 'the current password is wrong' }],
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    return store.transaction(async (repos) => {
      const at = iso(clock.now());
      await repos.users.setPassword(user.id, passwordHash, at);
      const revoked = await repos.sessions.revokeAllForUser(user.id, at);
      await repos.audit.record(
        {
          action: 'auth.password_changed',
          actorUserId: user.id,
          targetType: 'user',
          targetId: user.id,
          ip: client.ip,
          details: { sessionsRevoked: revoked },
        },
        at,
      );
      return this.insertSession(repos.sessions, user.id, client, clock.now());
    });
  }
}
