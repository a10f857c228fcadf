import { INVITATION_PATH, type Invitation, type InvitationView } from '@sextant/core';
import type { InvitationRecord } from '@sextant/db';

/** A pending invitation as its team's admins see it (never its secret). */
export const presentInvitation = (i: InvitationRecord): Invitation => ({
  id: i.id,
  teamId: i.teamId,
  email: i.email,
  role: i.role,
  invitedBy: i.invitedBy,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** An invitation just made: the only answer that carries its secret and link. */
export const presentCreatedInvitation = (i: InvitationRecord, token: string, emailed: boolean) => ({
  ...presentInvitation(i),
  token,
  path: `${INVITATION_PATH}${token}`,
  emailed,
});

/** What the holder of a pending link sees. */
export const presentInvitationView = (
  i: InvitationRecord,
  existingAccount: boolean,
): InvitationView => ({
  team: { id: i.teamId, name: i.teamName },
  email: i.email,
  role: i.role,
  invitedByName: i.invitedBy?.name ?? null,
  expiresAt: i.expiresAt,
  existingAccount,
});
