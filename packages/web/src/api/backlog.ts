import type {
  BacklogItem,
  BacklogList,
  CreateBacklogItemBody,
  UpdateBacklogItemBody,
} from '@sextant/core';
import { useGet } from './query';
import { useDeleteMutation, usePatchMutation, usePostMutation } from './mutation';
import { keys } from './keys';

/** The improvement backlog, simplest first, with the ordering rule in words. */
export function useBacklog(projectId: string) {
  return useGet<BacklogList>(keys.backlog(projectId), `/projects/${projectId}/backlog`);
}

/** The body as the UI sends it: status defaults to idea on the server. */
export type BacklogItemInput = Omit<CreateBacklogItemBody, 'status'> & {
  status?: CreateBacklogItemBody['status'];
};

/** The path of one backlog item, for its update and its deletion. */
const itemPath = (itemId: string) => `/backlog/${itemId}`;

export function useCreateBacklogItem(projectId: string) {
  const path = `/projects/${projectId}/backlog`;
  return usePostMutation<BacklogItem, BacklogItemInput>(keys.backlog(projectId), path);
}

/** Takes `{ itemId, body }`. */
export function useUpdateBacklogItem(projectId: string) {
  return usePatchMutation<BacklogItem, UpdateBacklogItemBody, 'itemId'>(
    keys.backlog(projectId),
    'itemId',
    itemPath,
  );
}

export function useDeleteBacklogItem(projectId: string) {
  return useDeleteMutation(keys.backlog(projectId), itemPath);
}
