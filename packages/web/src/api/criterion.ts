import { useMutation } from '@tanstack/react-query';
import type { PutSuccessCriterionBody, SuccessCriterion } from '@sextant/core';
import { api } from './client';
import { useInvalidateProject } from './projects';

export function usePutSuccessCriterion(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: PutSuccessCriterionBody) =>
      api.put<SuccessCriterion>(`/projects/${projectId}/success-criterion`, body),
    onSuccess: invalidate,
  });
}
