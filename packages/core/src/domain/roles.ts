export const TEAM_ROLES = ['viewer', 'member', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const RANK: Record<TeamRole, number> = { viewer: 0, member: 1, admin: 2 };

/** A role satisfies a requirement when it ranks at or above it: admin > member > viewer. */
export function roleAtLeast(role: TeamRole, required: TeamRole): boolean {
  return RANK[role] >= RANK[required];
}
