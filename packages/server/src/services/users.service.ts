import { AppError, type User } from '@sextant/core';
import type { PageRequest, UserRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { hashPassword } from '../security/passwords.js';
import { presentPage } from '../presenters/page.js';
import { presentUser } from '../presenters/users.js';
import type { ServiceDeps } from './deps.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
}

export class UserService {
  constructor(private readonly deps: ServiceDeps) {}

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
}
