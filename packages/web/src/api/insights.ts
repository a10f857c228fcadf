import type { CreateInsightBody, Insight, InsightPage, UpdateInsightBody } from '@sextant/core';
import { useGet } from './query';
import { usePatchMutation, usePostMutation } from './mutation';
import { keys } from './keys';

/** The board shows every insight at once: 200 is the API's largest page. */
const BOARD_LIMIT = 200;

/** The project's insights, newest first, with the KPIs per month and quarter. */
export function useInsights(projectId: string) {
  return useGet<InsightPage>(keys.insights(projectId), `/projects/${projectId}/insights`, {
    limit: BOARD_LIMIT,
  });
}

/** The body as the UI sends it: description and value may be left out. */
export type InsightInput = Pick<CreateInsightBody, 'title' | 'businessArea'> &
  Partial<Pick<CreateInsightBody, 'description' | 'estimatedValue' | 'proposedAt'>>;

export function useCreateInsight(projectId: string) {
  const path = `/projects/${projectId}/insights`;
  return usePostMutation<Insight, InsightInput>(keys.insights(projectId), path);
}

/** Takes `{ insightId, body }`. */
export function useUpdateInsight(projectId: string) {
  return usePatchMutation<Insight, UpdateInsightBody, 'insightId'>(
    keys.insights(projectId),
    'insightId',
    (insightId) => `/insights/${insightId}`,
  );
}
