/**
 * A team's roles. viewer < member < admin is a ladder: each may do what the one below may.
 * `operator` stands beside it: the person who acts on the predictions sees the production
 * pages of the team's projects and records decisions and outcomes, and nothing else — only a
 * route that names operators (its access rule's `operator`) lets one through.
 */
export const TEAM_ROLES = ['viewer', 'operator', 'member', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The ladder's ranks; an operator is on no rung, so no ladder requirement admits one. */
const RANK: Record<TeamRole, number> = { operator: -1, viewer: 0, member: 1, admin: 2 };

/** A role satisfies a requirement when it ranks at or above it: admin > member > viewer. */
export function roleAtLeast(role: TeamRole, required: TeamRole): boolean {
  return RANK[role] >= RANK[required];
}

/** Whether a role may see projects and their figures beyond the production pages. */
export function readsProjects(role: TeamRole): boolean {
  return role !== 'operator';
}
