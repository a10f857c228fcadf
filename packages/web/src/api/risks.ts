import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRiskBody, Risk, UpdateRiskBody } from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

export function useRisks(projectId: string) {
  return useQuery({
    queryKey: keys.risks(projectId),
    queryFn: ({ signal }) =>
      api.get<{ items: Risk[] }>(`/projects/${projectId}/risks`, undefined, signal),
    select: (data) => data.items,
  });
}

function useRiskWrite<V, R>(projectId: string, write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.risks(projectId) }),
  });
}

export function useCreateRisk(projectId: string) {
  return useRiskWrite(projectId, (body: CreateRiskBody) =>
    api.post<Risk>(`/projects/${projectId}/risks`, body),
  );
}

export function useUpdateRisk(projectId: string) {
  return useRiskWrite(projectId, ({ riskId, body }: { riskId: string; body: UpdateRiskBody }) =>
    api.patch<Risk>(`/projects/${projectId}/risks/${riskId}`, body),
  );
}

export function useDeleteRisk(projectId: string) {
  return useRiskWrite(projectId, (riskId: string) =>
    api.delete(`/projects/${projectId}/risks/${riskId}`),
  );
}
