import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDecisionBody, Run, SprintDecision, SprintReview } from '@sextant/core';
import { api } from './client';
import { useCursorPages, useGet } from './query';
import { keys, type RunFilters } from './keys';

const PAGE_SIZE = 25;

/** The project's runs, newest first or by a metric, a page at a time ("Load more"). */
export function useRuns(projectId: string, filters: RunFilters) {
  return useCursorPages<Run>(
    keys.runList(projectId, filters),
    `/projects/${projectId}/runs`,
    (cursor) => ({
      limit: PAGE_SIZE,
      cursor,
      provenance: filters.provenance,
      branch: filters.branch.trim(),
      sortMetric: filters.sortMetric,
      order: filters.sortMetric ? filters.order : undefined,
    }),
  );
}

/** One run, with how it compares to the baseline. */
export function useRun(runId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.run(runId),
    queryFn: ({ signal }) => api.get<Run>(`/runs/${runId}`, undefined, signal),
    enabled: options.enabled ?? true,
  });
}

/** The sprint review: the success metric per sprint, baseline, threshold, forecast, decision. */
export function useSprintReview(sprintId: string) {
  return useGet<SprintReview>(keys.review(sprintId), `/sprints/${sprintId}/review`);
}

/**
 * Records the review decision. A drop moves the project to dropped, so the project (its
 * stage, gates and warnings) is re-read along with the review.
 */
export function useRecordDecision(projectId: string, sprintId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDecisionBody) =>
      api.post<SprintDecision>(`/sprints/${sprintId}/decision`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.review(sprintId) }),
        client.invalidateQueries({ queryKey: keys.project(projectId) }),
        client.invalidateQueries({ queryKey: ['projects', 'list'] }),
      ]),
  });
}
