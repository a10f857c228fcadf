import type { Member, Team } from '@sextant/core';
import type { MemberRecord, TeamWithRole } from '@sextant/db';

export const presentTeam = (t: TeamWithRole): Team => ({
  id: t.id,
  name: t.name,
  role: t.role,
  memberCount: t.memberCount,
  createdAt: t.createdAt,
});

export const presentMember = (m: MemberRecord): Member => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  addedAt: m.addedAt,
});
