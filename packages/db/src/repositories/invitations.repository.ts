import type { TeamRole } from '@sextant/core';
import type { Executor } from './executor.js';
import type { InvitationsTable } from '../schema.js';
import { newId } from '../ids.js';

/** An invitation to a team, with its team's name and who sent it; never its secret. */
export interface InvitationRecord {
  id: string;
  teamId: string;
  teamName: string;
  email: string;
  role: TeamRole;
  /** Who invited; null once that account is gone. */
  invitedBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

type InvitationRow = InvitationsTable & {
  team_name: string;
  inviter_name: string | null;
  inviter_email: string | null;
};

const toInvitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  teamId: row.team_id,
  teamName: row.team_name,
  email: row.email,
  role: row.role as TeamRole,
  invitedBy:
    row.invited_by && row.inviter_name !== null && row.inviter_email !== null
      ? { id: row.invited_by, name: row.inviter_name, email: row.inviter_email }
      : null,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  acceptedAt: row.accepted_at,
  acceptedBy: row.accepted_by,
});

/** Invitations: written by admins, read by the team page and by whoever holds a link. */
export class InvitationRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('invitations')
      .innerJoin('teams', 'teams.id', 'invitations.team_id')
      .leftJoin('users', 'users.id', 'invitations.invited_by')
      .selectAll('invitations')
      .select([
        'teams.name as team_name',
        'users.name as inviter_name',
        'users.email as inviter_email',
      ]);
  }

  async insert(input: {
    teamId: string;
    email: string;
    role: TeamRole;
    tokenHash: string;
    invitedBy: string | null;
    now: string;
    expiresAt: string;
  }): Promise<InvitationRecord> {
    const row: InvitationsTable = {
      id: newId(),
      team_id: input.teamId,
      email: input.email,
      role: input.role,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      created_at: input.now,
      expires_at: input.expiresAt,
      revoked_at: null,
      accepted_at: null,
      accepted_by: null,
    };
    await this.db.insertInto('invitations').values(row).execute();
    const stored = await this.findById(row.id);
    if (!stored) throw new Error('invitation vanished right after its insert');
    return stored;
  }

  async findById(id: string): Promise<InvitationRecord | undefined> {
    const row = await this.select().where('invitations.id', '=', id).executeTakeFirst();
    return row && toInvitation(row);
  }

  async findByHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = await this.select()
      .where('invitations.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  /** The team's invitations neither accepted nor revoked and not expired at `now`, newest first. */
  async listPending(teamId: string, now: string): Promise<InvitationRecord[]> {
    const rows = await this.select()
      .where('invitations.team_id', '=', teamId)
      .where('invitations.revoked_at', 'is', null)
      .where('invitations.accepted_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .orderBy('invitations.id', 'desc')
      .execute();
    return rows.map(toInvitation);
  }

  async revoke(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /**
   * Marks it used, only if it still is pending: true when this call won, so two
   * concurrent acceptances of one link cannot both succeed.
   */
  async markAccepted(id: string, userId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
