import {
  AppError,
  notFound,
  type Page,
  type PeopleQuery,
  type Person,
  type UpdateProfileBody,
  type User,
} from '@sextant/core';
import type { PageRequest, UserRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { hashPassword } from '../security/passwords.js';
import { presentPage } from '../presenters/page.js';
import { presentPerson, presentUser } from '../presenters/users.js';
import type { AuthService } from './auth.service.js';
import type { ServiceDeps } from './deps.js';

/** The people page pages by offset; the cursor hides it. */
const offsetCursor = {
  encode: (offset: number): string => Buffer.from(`o:${offset}`, 'utf8').toString('base64url'),
  decode: (cursor: string | undefined): number => {
    const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor ?? '', 'base64url').toString('utf8'));
    return match?.[1] ? Number(match[1]) : 0;
  },
};

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
}

export class UserService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
  ) {}

  /** The first account of a workspace is always its admin: someone must be able to manage it. */
  async create(input: NewUser, actor: Actor | null): Promise<User> {
    const { store, clock } = this.deps;
    const passwordHash = await hashPassword(input.password);
    return store.transaction(async (repos) => {
      if (await repos.users.findByEmail(input.email)) {
        throw new AppError('email_taken', `An account with email ${input.email} already exists.`, {
          field: 'email',
        });
      }
      const first = (await repos.users.count()) === 0;
      const now = iso(clock.now());
      const user = await repos.users.insert({
        email: input.email,
        name: input.name,
        passwordHash,
        isAdmin: input.isAdmin || first,
        now,
      });
      await repos.audit.record(
        {
          action: 'user.created',
          actorUserId: actor?.userId ?? null,
          targetType: 'user',
          targetId: user.id,
          ip: actor?.ip ?? null,
          details: { email: user.email, isAdmin: user.isAdmin },
        },
        now,
      );
      return presentUser(user);
    });
  }

  async list(page: PageRequest) {
    return presentPage(await this.deps.store.repos.users.list(page), presentUser);
  }

  /** Admin reset from the command line: sets the password and ends every session. */
  async setPassword(email: string, password: string): Promise<UserRecord> {
    const { store, clock } = this.deps;
    const user = await store.repos.users.findByEmail(email);
    if (!user) throw new AppError('user_not_found', `No account with email ${email}.`);
    const passwordHash = await hashPassword(password);
    await store.transaction(async (repos) => {
      const now = iso(clock.now());
      await repos.users.setPassword(user.id, passwordHash, now);
      const revoked = await repos.sessions.revokeAllForUser(user.id, now);
      await repos.audit.record(
        {
          action: 'auth.password_reset',
          targetType: 'user',
          targetId: user.id,
          details: { sessionsRevoked: revoked, via: 'cli' },
        },
        now,
      );
    });
    return user;
  }

  /** The people page: everyone, their teams and roles, last sign-in and status. */
  async people(query: PeopleQuery): Promise<Page<Person>> {
    const users = this.deps.store.repos.users;
    const offset = offsetCursor.decode(query.cursor);
    const found = await users.search({
      q: query.q,
      sort: query.sort,
      limit: query.limit,
      offset,
    });
    const teams = await users.teamsOf(found.items.map((u) => u.id));
    return {
      items: found.items.map((u) => presentPerson(u, teams)),
      nextCursor: found.more ? offsetCursor.encode(offset + found.items.length) : null,
    };
  }

  /**
   * Deactivates an account: in one transaction the account is marked, its sessions end and
   * its API tokens are revoked; nothing it made is deleted. Not yourself, not the last admin.
   */
  async deactivate(id: string, actor: Actor): Promise<Person> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const target = await repos.users.findById(id);
      if (!target) throw notFound('Person');
      if (target.id === actor.userId) {
        throw new AppError('conflict', 'You cannot deactivate your own account.', {
          field: 'id',
        });
      }
      const now = iso(clock.now());
      if (!target.deactivatedAt) {
        if (target.isAdmin && (await repos.users.countActiveAdmins()) <= 1) {
          throw new AppError(
            'last_admin',
            'This is the last active workspace admin; make someone else an admin first.',
          );
        }
        await repos.users.setDeactivated(target.id, now, now);
        const sessionsEnded = await repos.sessions.revokeAllForUser(target.id, now);
        const tokensRevoked = await repos.tokens.revokeAllForUser(target.id, now);
        await repos.audit.record(
          {
            action: 'user.deactivated',
            actorUserId: actor.userId,
            actorTokenId: actor.tokenId,
            targetType: 'user',
            targetId: target.id,
            ip: actor.ip,
            details: { email: target.email, sessionsEnded, tokensRevoked },
          },
          now,
        );
      }
      const after = { ...target, deactivatedAt: target.deactivatedAt ?? now };
      return presentPerson(after, await repos.users.teamsOf([target.id]));
    });
  }

  /** Gives sign-in back; tokens revoked at deactivation stay revoked. */
  async reactivate(id: string, actor: Actor): Promise<Person> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const target = await repos.users.findById(id);
      if (!target) throw notFound('Person');
      if (target.deactivatedAt) {
        const now = iso(clock.now());
        await repos.users.setDeactivated(target.id, null, now);
        await repos.audit.record(
          {
            action: 'user.reactivated',
            actorUserId: actor.userId,
            actorTokenId: actor.tokenId,
            targetType: 'user',
            targetId: target.id,
            ip: actor.ip,
            details: { email: target.email },
          },
          now,
        );
      }
      const after = { ...target, deactivatedAt: null };
      return presentPerson(after, await repos.users.teamsOf([target.id]));
    });
  }

  /**
   * Changes your own name and/or email. A new email needs the current password (400 naming
   * `currentPassword` otherwise); an email someone else has answers 409 naming `email`.
   */
  async updateProfile(user: UserRecord, body: UpdateProfileBody, actor: Actor): Promise<User> {
    const { store, clock } = this.deps;
    const name = body.name ?? user.name;
    const email = body.email ?? user.email;
    const emailChanged = email !== user.email;
    if (emailChanged) {
      await this.auth.verifyCurrentPassword(
        user,
        body.currentPassword,
        actor.ip ?? '',
        'user.profile_change_failed',
      );
    }
    return store.transaction(async (repos) => {
      if (emailChanged) {
        const holder = await repos.users.findByEmail(email);
        if (holder && holder.id !== user.id) {
          throw new AppError('email_taken', 'email: another account already uses this email.', {
            field: 'email',
            fields: [{ field: 'email', message: 'another account already uses this email' }],
          });
        }
      }
      const now = iso(clock.now());
      const changed = [...(name !== user.name ? ['name'] : []), ...(emailChanged ? ['email'] : [])];
      if (changed.length > 0) {
        await repos.users.setProfile(user.id, { name, email }, now);
        await repos.audit.record(
          {
            action: 'user.profile_changed',
            actorUserId: user.id,
            actorTokenId: actor.tokenId,
            targetType: 'user',
            targetId: user.id,
            ip: actor.ip,
            details: {
              changed,
              ...(emailChanged ? { previousEmail: user.email, email } : {}),
            },
          },
          now,
        );
      }
      return presentUser({ ...user, name, email });
    });
  }
}
