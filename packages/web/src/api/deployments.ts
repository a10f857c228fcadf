import { useInfiniteQuery } from '@tanstack/react-query';
import type { Deployment, DeploymentKpis, Page } from '@sextant/core';
import { api } from './client';
import { useGet } from './query';
import { keys } from './keys';

const PAGE_SIZE = 25;

/** The project's deployments, newest first, optionally of one environment ("Load more"). */
export function useDeployments(projectId: string, environment: string) {
  return useInfiniteQuery({
    queryKey: keys.deploymentList(projectId, environment),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Deployment>>(
        `/projects/${projectId}/deployments`,
        { limit: PAGE_SIZE, cursor: pageParam, environment: environment || undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Deployment KPIs with their rules, and production deployments per week for the chart. */
export function useDeploymentKpis(projectId: string) {
  return useGet<DeploymentKpis>(
    keys.deploymentKpis(projectId),
    `/projects/${projectId}/deployments/kpis`,
  );
}
