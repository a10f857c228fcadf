import { AppError, notFound, roleAtLeast, type Token } from '@sextant/core';
import type { UserRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { newApiToken } from '../security/secrets.js';
import { presentCreatedToken, presentToken } from '../presenters/tokens.js';
import type { ServiceDeps } from './deps.js';

export interface NewToken {
  name: string;
  expiresAt?: string | null | undefined;
}

/** A token just made, the only answer that carries its secret. */
export type CreatedToken = ReturnType<typeof presentCreatedToken>;

export class TokenService {
  constructor(private readonly deps: ServiceDeps) {}

  createPersonal(
    user: Pick<UserRecord, 'id'>,
    input: NewToken,
    actor: Actor,
  ): Promise<CreatedToken> {
    return this.create({ kind: 'personal', userId: user.id, projectId: null, input, actor });
  }

  /** A CI token acts for one project and may only post runs and deployments there. */
  createCi(projectId: string, user: Pick<UserRecord, 'id'>, input: NewToken, actor: Actor) {
    return this.create({ kind: 'ci', userId: user.id, projectId, input, actor });
  }

  private async create(args: {
    kind: 'personal' | 'ci';
    userId: string;
    projectId: string | null;
    input: NewToken;
    actor: Actor;
  }): Promise<CreatedToken> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const expiresAt = args.input.expiresAt ? new Date(args.input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new AppError('rule_violation', 'expiresAt must be in the future.', {
        field: 'expiresAt',
      });
    }
    const secret = newApiToken();
    return store.transaction(async (repos) => {
      const project = args.projectId ? await repos.projects.findById(args.projectId) : undefined;
      const record = await repos.tokens.insert({
        kind: args.kind,
        name: args.input.name,
        tokenHash: secret.hash,
        prefix: secret.prefix,
        userId: args.userId,
        projectId: args.projectId,
        expiresAt: expiresAt ? iso(expiresAt) : null,
        now: iso(now),
      });
      await repos.audit.record(
        {
          action: 'token.created',
          actorUserId: args.actor.userId,
          actorTokenId: args.actor.tokenId,
          teamId: project?.teamId ?? null,
          targetType: 'token',
          targetId: record.id,
          ip: args.actor.ip,
          details: {
            kind: record.kind,
            name: record.name,
            prefix: record.prefix,
            projectId: record.projectId,
            expiresAt: record.expiresAt,
          },
        },
        iso(now),
      );
      return presentCreatedToken({ ...record, token: secret.token });
    });
  }

  async listPersonal(user: UserRecord): Promise<Token[]> {
    return (await this.deps.store.repos.tokens.listPersonal(user.id)).map(presentToken);
  }

  async listForProject(projectId: string): Promise<Token[]> {
    return (await this.deps.store.repos.tokens.listForProject(projectId)).map(presentToken);
  }

  /**
   * Its owner may revoke a token; so may an admin of the team whose project a CI token
   * serves. Anyone else is told it does not exist.
   */
  async revoke(tokenId: string, user: UserRecord, actor: Actor): Promise<Token> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const token = await repos.tokens.findById(tokenId);
      if (!token) throw notFound('Token');
      let teamId: string | null = null;
      if (token.projectId) teamId = (await repos.projects.findTeamId(token.projectId)) ?? null;
      const role = teamId ? await repos.teams.roleOf(teamId, user.id) : undefined;
      const allowed =
        token.userId === user.id || (role !== undefined && roleAtLeast(role, 'admin'));
      if (!allowed) throw notFound('Token');
      const now = iso(clock.now());
      if (!token.revokedAt) {
        await repos.tokens.revoke(token.id, now);
        await repos.audit.record(
          {
            action: 'token.revoked',
            actorUserId: actor.userId,
            actorTokenId: actor.tokenId,
            teamId,
            targetType: 'token',
            targetId: token.id,
            ip: actor.ip,
            details: { kind: token.kind, name: token.name, prefix: token.prefix },
          },
          now,
        );
      }
      return presentToken({ ...token, revokedAt: token.revokedAt ?? now });
    });
  }
}
