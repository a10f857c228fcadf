import type { Deployment, DeploymentKpis } from '@sextant/core';
import { useCursorPages, useGet } from './query';
import { keys } from './keys';

const PAGE_SIZE = 25;

/** The project's deployments, newest first, optionally of one environment ("Load more"). */
export function useDeployments(projectId: string, environment: string) {
  return useCursorPages<Deployment>(
    keys.deploymentList(projectId, environment),
    `/projects/${projectId}/deployments`,
    (cursor) => ({ limit: PAGE_SIZE, cursor, environment: environment || undefined }),
  );
}

/** Deployment KPIs with their rules, and production deployments per week for the chart. */
export function useDeploymentKpis(projectId: string) {
  return useGet<DeploymentKpis>(
    keys.deploymentKpis(projectId),
    `/projects/${projectId}/deployments/kpis`,
  );
}
