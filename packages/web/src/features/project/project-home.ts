import type { TeamRole } from '@sextant/core';

/**
 * Where a project opens for the caller: its overview, or for an operator (who sees the
 * production pages only) its production page.
 */
export function projectHome(project: { id: string; role: TeamRole }): string {
  const base = `/projects/${project.id}`;
  return project.role === 'operator' ? `${base}/production` : base;
}
