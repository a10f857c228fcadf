import { useQuery } from '@tanstack/react-query';
import type { ProjectKpis } from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

/**
 * Every KPI family of a project with its open alerts and health. Writes on the project's
 * other pages (runs, deployments, insights, ledger) do not name this key, so it is re-read
 * each time the overview opens.
 */
export function useProjectKpis(projectId: string) {
  return useQuery({
    queryKey: keys.kpis(projectId),
    queryFn: ({ signal }) => api.get<ProjectKpis>(`/projects/${projectId}/kpis`, undefined, signal),
    staleTime: 0,
  });
}
