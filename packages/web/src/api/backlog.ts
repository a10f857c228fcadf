import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BacklogItem,
  BacklogList,
  CreateBacklogItemBody,
  UpdateBacklogItemBody,
} from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

/** The improvement backlog, simplest first, with the ordering rule in words. */
export function useBacklog(projectId: string) {
  return useQuery({
    queryKey: keys.backlog(projectId),
    queryFn: ({ signal }) =>
      api.get<BacklogList>(`/projects/${projectId}/backlog`, undefined, signal),
  });
}

function useBacklogWrite<V, R>(projectId: string, write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.backlog(projectId) }),
  });
}

/** The body as the UI sends it: status defaults to idea on the server. */
export type BacklogItemInput = Omit<CreateBacklogItemBody, 'status'> & {
  status?: CreateBacklogItemBody['status'];
};

export function useCreateBacklogItem(projectId: string) {
  return useBacklogWrite(projectId, (body: BacklogItemInput) =>
    api.post<BacklogItem>(`/projects/${projectId}/backlog`, body),
  );
}

export function useUpdateBacklogItem(projectId: string) {
  return useBacklogWrite(
    projectId,
    ({ itemId, body }: { itemId: string; body: UpdateBacklogItemBody }) =>
      api.patch<BacklogItem>(`/backlog/${itemId}`, body),
  );
}

export function useDeleteBacklogItem(projectId: string) {
  return useBacklogWrite(projectId, (itemId: string) => api.delete(`/backlog/${itemId}`));
}
