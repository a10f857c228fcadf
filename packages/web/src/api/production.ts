import { useQuery } from '@tanstack/react-query';
import type {
  BacklogItem,
  DecisionItem,
  FeedbackResult,
  OperatorList,
  OutcomeItem,
  ProductionReport,
} from '@sextant/core';
import { api, apiRequest } from './client';
import { usePostMutation } from './mutation';
import { keys } from './keys';

/** The production page's range and period kind, as the API takes them. */
export interface ProductionRange {
  from: string;
  to: string;
  period: 'day' | 'week';
}

/** Under the project's key: a criterion change re-reads the production figures. */
export const productionKey = (projectId: string) =>
  [...keys.project(projectId), 'production'] as const;

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

/** The operator's daily list of one period (the latest with predictions when none is named). */
export function useOperatorList(projectId: string, period: string | null) {
  return useQuery({
    queryKey: [...productionKey(projectId), 'list', period],
    queryFn: ({ signal }) =>
      api.get<OperatorList>(`/projects/${projectId}/production/list`, { period }, signal),
  });
}

/** A feedback body of the daily list: one decision or one outcome. */
export type ListFeedback =
  { kind: 'decisions'; item: DecisionItem } | { kind: 'outcomes'; item: OutcomeItem };

/**
 * Posts one decision or outcome with its Idempotency-Key: a retry under the same key stores
 * it once and gets the first answer back.
 */
export function postListFeedback(projectId: string, feedback: ListFeedback, key: string) {
  return apiRequest<FeedbackResult>(`/projects/${projectId}/feedback/${feedback.kind}`, {
    method: 'POST',
    body: { items: [feedback.item] },
    headers: { 'Idempotency-Key': key },
  });
}
