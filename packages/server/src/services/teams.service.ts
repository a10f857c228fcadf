import { AppError, notFound, type Member, type Team, type TeamRole } from '@sextant/core';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentMember, presentTeam } from '../presenters/teams.js';
import type { ServiceDeps } from './deps.js';

export class TeamService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Whoever creates a team is its first admin. */
  async create(name: string, actor: Actor & { userId: string }): Promise<Team> {
    const { store, clock } = this.deps;
    const team = await store.transaction(async (repos) => {
      const now = iso(clock.now());
      const team = await repos.teams.insert({ name, createdBy: actor.userId, now });
      await repos.teams.addMember({ teamId: team.id, userId: actor.userId, role: 'admin', now });
      await repos.audit.record(
        {
          action: 'team.created',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          teamId: team.id,
          targetType: 'team',
          targetId: team.id,
          ip: actor.ip,
          details: { name },
        },
        now,
      );
      return { ...team, role: 'admin' as const, memberCount: 1 };
    });
    return presentTeam(team);
  }

  async listForUser(userId: string): Promise<Team[]> {
    return (await this.deps.store.repos.teams.listForUser(userId)).map(presentTeam);
  }

  async get(teamId: string, userId: string): Promise<Team> {
    const team = (await this.listForUser(userId)).find((t) => t.id === teamId);
    if (!team) throw notFound('Team');
    return team;
  }

  async listMembers(teamId: string): Promise<Member[]> {
    return (await this.deps.store.repos.teams.listMembers(teamId)).map(presentMember);
  }

  async addMember(
    teamId: string,
    input: { email: string; role: TeamRole },
    actor: Actor,
  ): Promise<Member> {
    const { store, clock } = this.deps;
    const member = await store.transaction(async (repos) => {
      const user = await repos.users.findByEmail(input.email);
      if (!user) {
        throw new AppError(
          'user_not_found',
          `No account with email ${input.email}. A workspace admin creates accounts (sextant user create).`,
          { field: 'email' },
        );
      }
      if (await repos.teams.roleOf(teamId, user.id)) {
        throw new AppError('already_member', `${input.email} is already a member of this team.`);
      }
      const now = iso(clock.now());
      await repos.teams.addMember({ teamId, userId: user.id, role: input.role, now });
      await this.audit(
        repos,
        actor,
        teamId,
        user.id,
        'team.member_added',
        { role: input.role },
        now,
      );
      const member = await repos.teams.findMember(teamId, user.id);
      if (!member) throw new Error('member vanished inside its own transaction');
      return member;
    });
    return presentMember(member);
  }

  async changeRole(teamId: string, userId: string, role: TeamRole, actor: Actor): Promise<Member> {
    const { store, clock } = this.deps;
    const member = await store.transaction(async (repos) => {
      const member = await repos.teams.findMember(teamId, userId);
      if (!member) throw notFound('Member');
      if (member.role === role) return member;
      if (member.role === 'admin' && (await repos.teams.countAdmins(teamId)) <= 1) {
        throw new AppError(
          'last_admin',
          'A team keeps at least one admin: promote another member first.',
        );
      }
      const now = iso(clock.now());
      await repos.teams.setRole(teamId, userId, role);
      await this.audit(
        repos,
        actor,
        teamId,
        userId,
        'team.role_changed',
        { from: member.role, to: role },
        now,
      );
      return { ...member, role };
    });
    return presentMember(member);
  }

  /** Removal ends the removed person's sessions, so an open browser tab loses access at once. */
  async removeMember(teamId: string, userId: string, actor: Actor): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      const member = await repos.teams.findMember(teamId, userId);
      if (!member) throw notFound('Member');
      if (member.role === 'admin' && (await repos.teams.countAdmins(teamId)) <= 1) {
        throw new AppError(
          'last_admin',
          'A team keeps at least one admin: promote another member first.',
        );
      }
      const now = iso(clock.now());
      await repos.teams.removeMember(teamId, userId);
      const revoked = await repos.sessions.revokeAllForUser(userId, now);
      await this.audit(
        repos,
        actor,
        teamId,
        userId,
        'team.member_removed',
        { role: member.role, sessionsRevoked: revoked },
        now,
      );
    });
  }

  private audit(
    repos: ServiceDeps['store']['repos'],
    actor: Actor,
    teamId: string,
    userId: string,
    action: string,
    details: Record<string, unknown>,
    now: string,
  ): Promise<void> {
    return repos.audit.record(
      {
        action,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        teamId,
        targetType: 'user',
        targetId: userId,
        ip: actor.ip,
        details,
      },
      now,
    );
  }
}
