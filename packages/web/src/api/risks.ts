import type { CreateRiskBody, Risk, UpdateRiskBody } from '@sextant/core';
import { api } from './client';
import { useItems } from './query';
import { useInvalidatingMutation } from './mutation';
import { keys } from './keys';

export function useRisks(projectId: string) {
  return useItems<Risk>(keys.risks(projectId), `/projects/${projectId}/risks`);
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
