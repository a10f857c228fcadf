import type { Delivery } from '@sextant/core';
import { useGet } from './query';
import { keys } from './keys';

/** Delivery KPIs of a project: per sprint, per person, the trend and open warnings. */
export function useDelivery(projectId: string) {
  return useGet<Delivery>(keys.delivery(projectId), `/projects/${projectId}/delivery`);
}
