import { useMutation } from '@tanstack/react-query';
import type { CreateGoalBody, Goal, UpdateGoalBody } from '@sextant/core';
import { api } from './client';
import { useInvalidateProject } from './projects';

export function useCreateGoal(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: CreateGoalBody) => api.post<Goal>(`/projects/${projectId}/goals`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: UpdateGoalBody }) =>
      api.patch<Goal>(`/projects/${projectId}/goals/${goalId}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteGoal(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (goalId: string) => api.delete(`/projects/${projectId}/goals/${goalId}`),
    onSuccess: invalidate,
  });
}
