import type { CreateRiskBody, Risk, UpdateRiskBody } from '@sextant/core';
import { useItems } from './query';
import { useDeleteMutation, usePatchMutation, usePostMutation } from './mutation';
import { keys } from './keys';

export function useRisks(projectId: string) {
  return useItems<Risk>(keys.risks(projectId), `/projects/${projectId}/risks`);
}

/** The path of one of the project's risks. */
const riskPath = (projectId: string, riskId: string) => `/projects/${projectId}/risks/${riskId}`;

export function useCreateRisk(projectId: string) {
  const path = `/projects/${projectId}/risks`;
  return usePostMutation<Risk, CreateRiskBody>(keys.risks(projectId), path);
}

/** Takes `{ riskId, body }`. */
export function useUpdateRisk(projectId: string) {
  return usePatchMutation<Risk, UpdateRiskBody, 'riskId'>(keys.risks(projectId), 'riskId', (id) =>
    riskPath(projectId, id),
  );
}

export function useDeleteRisk(projectId: string) {
  return useDeleteMutation(keys.risks(projectId), (id) => riskPath(projectId, id));
}
