import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CreateEndpointBody,
  Endpoint,
  EndpointDelivery,
  EndpointWithSecret,
  Page,
  Subscriber,
  Subscription,
  UnsubscribeView,
  UpdateEndpointBody,
  UpdateSubscriptionBody,
} from '@sextant/core';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';
import { useItems } from './query';

/**
 * Where a list of endpoints lives: one project's (`/projects/:id/endpoints`), or the
 * workspace's (`/workspace/endpoints`, workspace admins).
 */
export type EndpointsBase = `/projects/${string}/endpoints` | '/workspace/endpoints';

export const projectEndpoints = (projectId: string): EndpointsBase =>
  `/projects/${projectId}/endpoints`;
export const WORKSPACE_ENDPOINTS: EndpointsBase = '/workspace/endpoints';

/** Query keys of the notification pages (under 'notifications', so one write can stale them). */
export const notificationKeys = {
  endpoints: (base: EndpointsBase, scope = '') => ['notifications', base, scope] as const,
  deliveries: (base: EndpointsBase, endpointId: string) =>
    ['notifications', base, 'deliveries', endpointId] as const,
  subscribers: (projectId: string) => ['notifications', 'subscribers', projectId] as const,
  mine: ['notifications', 'me'] as const,
  unsubscribe: (token: string) => ['notifications', 'unsubscribe', token] as const,
};

const ALL = ['notifications'] as const;

/** The endpoints at `base`; for the workspace, `all` adds every project's. */
export function useEndpoints(base: EndpointsBase, all = false) {
  return useQuery({
    queryKey: notificationKeys.endpoints(base, all ? 'all' : ''),
    queryFn: ({ signal }) =>
      api.get<{ items: Endpoint[] }>(base, all ? { scope: 'all' } : undefined, signal),
    select: (data) => data.items,
  });
}

/** Adds an endpoint; the answer carries its signing secret, the only time it is shown. */
export function useCreateEndpoint(base: EndpointsBase) {
  return useInvalidatingMutation(ALL, (body: CreateEndpointBody) =>
    api.post<EndpointWithSecret>(base, body),
  );
}

/** Renames, readdresses, enables or disables an endpoint (a workspace admin's `all` list reaches any). */
export function useUpdateEndpoint(base: EndpointsBase) {
  return useInvalidatingMutation(ALL, (vars: { endpointId: string; body: UpdateEndpointBody }) =>
    api.patch<Endpoint>(`${base}/${vars.endpointId}`, vars.body),
  );
}

export function useDeleteEndpoint(base: EndpointsBase) {
  return useInvalidatingMutation(ALL, (endpointId: string) => api.delete(`${base}/${endpointId}`));
}

export function useRotateSecret(base: EndpointsBase) {
  return useInvalidatingMutation(ALL, (endpointId: string) =>
    api.post<EndpointWithSecret>(`${base}/${endpointId}/rotate-secret`),
  );
}

export function useSendTest(base: EndpointsBase) {
  return useInvalidatingMutation(ALL, (endpointId: string) =>
    api.post<EndpointDelivery>(`${base}/${endpointId}/test`),
  );
}

const IN_FLIGHT = new Set(['pending', 'retrying']);

/**
 * An endpoint's delivery log, newest first, a page at a time; re-read every few seconds while
 * a delivery on screen is still being sent, so its outcome appears by itself.
 */
export function useDeliveries(base: EndpointsBase, endpointId: string) {
  return useInfiniteQuery({
    queryKey: notificationKeys.deliveries(base, endpointId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<EndpointDelivery>>(
        `${base}/${endpointId}/deliveries`,
        { limit: '20', ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((d) => IN_FLIGHT.has(d.status)))
        ? 1500
        : false,
  });
}

/** "Send again": the same event, from a first attempt. */
export function useResend(base: EndpointsBase, endpointId: string) {
  return useInvalidatingMutation(ALL, (deliveryId: string) =>
    api.post<EndpointDelivery>(`${base}/${endpointId}/deliveries/${deliveryId}/resend`),
  );
}

export function useSubscribers(projectId: string) {
  return useItems<Subscriber>(
    notificationKeys.subscribers(projectId),
    `/projects/${projectId}/subscribers`,
  );
}

/** My email settings, for every project I can read. */
export function useMySubscriptions() {
  return useItems<Subscription>(notificationKeys.mine, '/me/notifications');
}

export function useSaveSubscription() {
  return useInvalidatingMutation(ALL, (vars: { projectId: string; body: UpdateSubscriptionBody }) =>
    api.put<Subscription>(`/me/notifications/${vars.projectId}`, vars.body),
  );
}

/** What an unsubscribe link stops; a 404 (unknown link) is its answer, not retried. */
export function useUnsubscribeView(token: string) {
  return useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: ({ signal }) =>
      api.get<UnsubscribeView>(`/unsubscribe/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  return useInvalidatingMutation(notificationKeys.unsubscribe(token), () =>
    api.post<UnsubscribeView>(`/unsubscribe/${encodeURIComponent(token)}`, {}),
  );
}
