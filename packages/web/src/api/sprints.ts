import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CloseSprintResult,
  CreateSprintBody,
  DeliverableType,
  Sprint,
  SprintDetail,
  Story,
  StoryOutcome,
  StoryStatus,
  UpdateSprintBody,
} from '@sextant/core';
import { api } from './client';
import { useGet, useItems } from './query';
import { keys } from './keys';

export function useSprints(projectId: string) {
  return useItems<Sprint>(keys.sprints(projectId), `/projects/${projectId}/sprints`);
}

export function useSprint(sprintId: string) {
  return useGet<SprintDetail>(keys.sprint(sprintId), `/sprints/${sprintId}`);
}

/**
 * Any sprint or story write can change the project's warnings, its sprint list, its
 * delivery figures and (through carry-over) another sprint's stories: all are re-read.
 */
function useInvalidateSprintData(projectId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.project(projectId) }),
      client.invalidateQueries({ queryKey: keys.allSprints }),
    ]);
}

function useSprintWrite<V, R>(projectId: string, write: (vars: V) => Promise<R>) {
  const invalidate = useInvalidateSprintData(projectId);
  return useMutation({ mutationFn: write, onSuccess: invalidate });
}

/** The body of POST /projects/:id/sprints as the UI sends it (the API defaults goal to ''). */
export type PlanSprintInput = Omit<CreateSprintBody, 'goal'> & { goal?: string };

export function useCreateSprint(projectId: string) {
  return useSprintWrite(projectId, (body: PlanSprintInput) =>
    api.post<Sprint>(`/projects/${projectId}/sprints`, body),
  );
}

export function useUpdateSprint(projectId: string, sprintId: string) {
  return useSprintWrite(projectId, (body: UpdateSprintBody) =>
    api.patch<Sprint>(`/sprints/${sprintId}`, body),
  );
}

export function useStartSprint(projectId: string, sprintId: string) {
  return useSprintWrite(projectId, () => api.post<Sprint>(`/sprints/${sprintId}/start`));
}

export interface CloseSprintInput {
  carryOver: string[];
  nextSprint?: PlanSprintInput;
}

export function useCloseSprint(projectId: string, sprintId: string) {
  return useSprintWrite(projectId, (body: CloseSprintInput) =>
    api.post<CloseSprintResult>(`/sprints/${sprintId}/close`, body),
  );
}

export interface StoryInput {
  title: string;
  deliverable: { type: DeliverableType; description: string };
  assigneeId: string | null;
  points: number | null;
  status?: StoryStatus;
}

export function useCreateStory(projectId: string, sprintId: string) {
  return useSprintWrite(projectId, (body: StoryInput) =>
    api.post<Story>(`/sprints/${sprintId}/stories`, body),
  );
}

export interface StoryPatch {
  title?: string;
  deliverable?: { type?: DeliverableType; description?: string };
  assigneeId?: string | null;
  points?: number | null;
  status?: StoryStatus;
  position?: number;
}

export function useUpdateStory(projectId: string) {
  return useSprintWrite(projectId, ({ storyId, body }: { storyId: string; body: StoryPatch }) =>
    api.patch<Story>(`/stories/${storyId}`, body),
  );
}

/**
 * Moves a story to another column. The board shows the move at once; if the server
 * refuses, the story goes back and the error is shown.
 */
export function useMoveStory(projectId: string, sprintId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateSprintData(projectId);
  return useMutation({
    mutationFn: ({ storyId, status }: { storyId: string; status: StoryStatus }) =>
      api.patch<Story>(`/stories/${storyId}`, { status }),
    onMutate: async ({ storyId, status }) => {
      await client.cancelQueries({ queryKey: keys.sprint(sprintId) });
      const before = client.getQueryData<SprintDetail>(keys.sprint(sprintId));
      if (before) {
        client.setQueryData<SprintDetail>(keys.sprint(sprintId), {
          ...before,
          stories: before.stories.map((s) => (s.id === storyId ? { ...s, status } : s)),
        });
      }
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) client.setQueryData(keys.sprint(sprintId), context.before);
    },
    onSettled: invalidate,
  });
}

export function useDeleteStory(projectId: string) {
  return useSprintWrite(projectId, (storyId: string) => api.delete(`/stories/${storyId}`));
}

export function useCorrectStory(projectId: string) {
  return useSprintWrite(
    projectId,
    ({ storyId, outcome, reason }: { storyId: string; outcome: StoryOutcome; reason: string }) =>
      api.post<Story>(`/stories/${storyId}/corrections`, { outcome, reason }),
  );
}
