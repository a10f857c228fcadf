import type { Person, TeamRole, User } from '@sextant/core';
import type { UserRecord, UserTeamRecord } from '@sextant/db';

export const presentUser = (u: UserRecord): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt,
});

/** A row of the people page: the account, its status and its teams. */
export const presentPerson = (u: UserRecord, teams: UserTeamRecord[]): Person => ({
  ...presentUser(u),
  lastSignInAt: u.lastSignInAt,
  deactivatedAt: u.deactivatedAt,
  teams: teams
    .filter((t) => t.userId === u.id)
    .map((t) => ({ id: t.teamId, name: t.teamName, role: t.role as TeamRole })),
});
