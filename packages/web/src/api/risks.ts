import { useQuery } from '@tanstack/react-query';
import type { CreateRiskBody, Risk, UpdateRiskBody } from '@sextant/core';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';
import { keys } from './keys';

export function useRisks(projectId: string) {
  return useQuery({
    queryKey: keys.risks(projectId),
    queryFn: ({ signal }) =>
      api.get<{ items: Risk[] }>(`/projects/${projectId}/risks`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateRisk(projectId: string) {
  return useInvalidatingMutation(keys.risks(projectId), (body: CreateRiskBody) =>
    api.post<Risk>(`/projects/${projectId}/risks`, body),
  );
}

export function useUpdateRisk(projectId: string) {
  return useInvalidatingMutation(
    keys.risks(projectId),
    ({ riskId, body }: { riskId: string; body: UpdateRiskBody }) =>
      api.patch<Risk>(`/projects/${projectId}/risks/${riskId}`, body),
  );
}

export function useDeleteRisk(projectId: string) {
  return useInvalidatingMutation(keys.risks(projectId), (riskId: string) =>
    api.delete(`/projects/${projectId}/risks/${riskId}`),
  );
}
