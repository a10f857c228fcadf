import { useQuery } from '@tanstack/react-query';
import type { BacklogItem, ProductionReport } from '@sextant/core';
import { api } from './client';
import { usePostMutation } from './mutation';
import { keys } from './keys';

/** The production page's range and period kind, as the API takes them. */
export interface ProductionRange {
  from: string;
  to: string;
  period: 'day' | 'week';
}

/** Under the project's key: a criterion change re-reads the production figures. */
const productionKey = (projectId: string) => [...keys.project(projectId), 'production'] as const;

/** Hit rate@N beside the bar, money and disagreement per day or week (422 without a hit-rate criterion). */
export function useProduction(projectId: string, range: ProductionRange) {
  return useQuery({
    queryKey: [...productionKey(projectId), range],
    queryFn: ({ signal }) =>
      api.get<ProductionReport>(
        `/projects/${projectId}/production`,
        { from: range.from, to: range.to, period: range.period },
        signal,
      ),
    retry: false,
  });
}

/** One action: a disagreement reason becomes an improvement idea of the backlog. */
export function useReasonToBacklog(projectId: string) {
  return usePostMutation<BacklogItem, { reason: string; from: string; to: string }>(
    keys.backlog(projectId),
    `/projects/${projectId}/production/reasons/backlog`,
  );
}
