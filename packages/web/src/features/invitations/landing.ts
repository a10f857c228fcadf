import type { AcceptedInvitation } from '@sextant/core';

/**
 * Where an accepted invitation lands: the team's page, or for an operator (who sees only the
 * production pages) the project list, whose projects open on their production page.
 */
export function landingAfterJoin(done: AcceptedInvitation): string {
  return done.role === 'operator' ? '/projects' : `/teams/${done.teamId}`;
}
