import { useMutation } from '@tanstack/react-query';
import type {
  CreateGoalBody,
  CreateGoalMeasurementBody,
  Goal,
  GoalMeasurement,
  GoalMeasurements,
  UpdateGoalBody,
} from '@sextant/core';
import { api } from './client';
import { useGet } from './query';
import { usePostMutation } from './mutation';
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

const measurementsKey = (goalId: string) => ['goals', goalId, 'measurements'] as const;

/** A business goal's measurements and where they put it. */
export function useGoalMeasurements(goalId: string) {
  return useGet<GoalMeasurements>(measurementsKey(goalId), `/goals/${goalId}/measurements`);
}

export function useAddGoalMeasurement(goalId: string) {
  return usePostMutation<GoalMeasurement, CreateGoalMeasurementBody>(
    measurementsKey(goalId),
    `/goals/${goalId}/measurements`,
  );
}
