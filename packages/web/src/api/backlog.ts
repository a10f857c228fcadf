import type {
  BacklogItem,
  BacklogList,
  CreateBacklogItemBody,
  UpdateBacklogItemBody,
} from '@sextant/core';
import { api } from './client';
import { useGet } from './query';
import { useInvalidatingMutation } from './mutation';
import { keys } from './keys';

/** The improvement backlog, simplest first, with the ordering rule in words. */
export function useBacklog(projectId: string) {
  return useGet<BacklogList>(keys.backlog(projectId), `/projects/${projectId}/backlog`);
}

/** The body as the UI sends it: status defaults to idea on the server. */
export type BacklogItemInput = Omit<CreateBacklogItemBody, 'status'> & {
  status?: CreateBacklogItemBody['status'];
};

export function useCreateBacklogItem(projectId: string) {
  return useInvalidatingMutation(keys.backlog(projectId), (body: BacklogItemInput) =>
    api.post<BacklogItem>(`/projects/${projectId}/backlog`, body),
  );
}

export function useUpdateBacklogItem(projectId: string) {
  return useInvalidatingMutation(
    keys.backlog(projectId),
    ({ itemId, body }: { itemId: string; body: UpdateBacklogItemBody }) =>
      api.patch<BacklogItem>(`/backlog/${itemId}`, body),
  );
}

export function useDeleteBacklogItem(projectId: string) {
  return useInvalidatingMutation(keys.backlog(projectId), (itemId: string) =>
    api.delete(`/backlog/${itemId}`),
  );
}
