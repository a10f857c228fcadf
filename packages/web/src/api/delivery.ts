import { useQuery } from '@tanstack/react-query';
import type { Delivery } from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

/** Delivery KPIs of a project: per sprint, per person, the trend and open warnings. */
export function useDelivery(projectId: string) {
  return useQuery({
    queryKey: keys.delivery(projectId),
    queryFn: ({ signal }) =>
      api.get<Delivery>(`/projects/${projectId}/delivery`, undefined, signal),
  });
}
