import type { TeamRole } from '@sextant/core';
import type { Executor } from './executor.js';
import { newId } from '../ids.js';

export interface TeamRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface TeamWithRole extends TeamRecord {
  role: TeamRole;
  memberCount: number;
}

export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: TeamRole;
  addedAt: string;
}

export class TeamRepository {
  constructor(private readonly db: Executor) {}

  async insert(input: {
    name: string;
    createdBy: string | null;
    now: string;
  }): Promise<TeamRecord> {
    const id = newId();
    await this.db
      .insertInto('teams')
      .values({ id, name: input.name, created_at: input.now, created_by: input.createdBy })
      .execute();
    return { id, name: input.name, createdAt: input.now };
  }

  async findById(id: string): Promise<TeamRecord | undefined> {
    const row = await this.db
      .selectFrom('teams')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  /** The teams a user belongs to, with the user's role and each team's size. */
  async listForUser(userId: string): Promise<TeamWithRole[]> {
    const rows = await this.db
      .selectFrom('team_members as mine')
      .innerJoin('teams', 'teams.id', 'mine.team_id')
      .select((eb) => [
        'teams.id',
        'teams.name',
        'teams.created_at',
        'mine.role',
        eb
          .selectFrom('team_members as all_members')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('all_members.team_id', '=', 'teams.id')
          .as('member_count'),
      ])
      .where('mine.user_id', '=', userId)
      .orderBy('teams.name')
      .orderBy('teams.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      role: r.role as TeamRole,
      memberCount: Number(r.member_count ?? 0),
    }));
  }

  async roleOf(teamId: string, userId: string): Promise<TeamRole | undefined> {
    const row = await this.db
      .selectFrom('team_members')
      .select('role')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role as TeamRole | undefined;
  }

  async addMember(input: {
    teamId: string;
    userId: string;
    role: TeamRole;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('team_members')
      .values({
        team_id: input.teamId,
        user_id: input.userId,
        role: input.role,
        created_at: input.now,
      })
      .execute();
  }

  async setRole(teamId: string, userId: string, role: TeamRole): Promise<void> {
    await this.db
      .updateTable('team_members')
      .set({ role })
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .execute();
  }

  async removeMember(teamId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('team_members')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countAdmins(teamId: string): Promise<number> {
    const row = await this.db
      .selectFrom('team_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('team_id', '=', teamId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findMember(teamId: string, userId: string): Promise<MemberRecord | undefined> {
    return (await this.members(teamId, userId))[0];
  }

  async listMembers(teamId: string): Promise<MemberRecord[]> {
    return this.members(teamId);
  }

  private async members(teamId: string, userId?: string): Promise<MemberRecord[]> {
    let query = this.db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'team_members.role',
        'team_members.created_at',
      ])
      .where('team_members.team_id', '=', teamId)
      .orderBy('users.name')
      .orderBy('users.id');
    if (userId) query = query.where('users.id', '=', userId);
    const rows = await query.execute();
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      name: r.name,
      role: r.role as TeamRole,
      addedAt: r.created_at,
    }));
  }
}
