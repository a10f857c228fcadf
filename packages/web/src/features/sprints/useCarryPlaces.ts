import { useQueries } from '@tanstack/react-query';
import type { Sprint, SprintDetail } from '@sextant/core';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { StoryPlace } from './StoryCard';

/** How many neighbouring sprints are searched for a carried story's copy or original. */
const SEARCH_DEPTH = 3;

/**
 * Where this sprint's carried stories went and came from. A story names only the id of its
 * copy or original, so the nearest sprints after (for copies) and before (for originals)
 * are read to find which sprint holds it.
 */
export function useCarryPlaces(
  sprint: SprintDetail | undefined,
  sprints: Sprint[] | undefined,
): (storyId: string | null) => StoryPlace | null {
  const needsLater = sprint?.stories.some((s) => s.carriedToId) ?? false;
  const needsEarlier = sprint?.stories.some((s) => s.carriedFromId) ?? false;
  const candidates: Sprint[] = [];
  if (sprint && sprints) {
    if (needsLater) {
      candidates.push(
        ...sprints
          .filter((s) => s.startDate > sprint.endDate)
          .sort((a, b) => a.startDate.localeCompare(b.startDate))
          .slice(0, SEARCH_DEPTH),
      );
    }
    if (needsEarlier) {
      candidates.push(
        ...sprints
          .filter((s) => s.endDate < sprint.startDate)
          .sort((a, b) => b.startDate.localeCompare(a.startDate))
          .slice(0, SEARCH_DEPTH),
      );
    }
  }
  const details = useQueries({
    queries: candidates.map((candidate) => ({
      queryKey: keys.sprint(candidate.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<SprintDetail>(`/sprints/${candidate.id}`, undefined, signal),
    })),
  });
  const places = new Map<string, StoryPlace>();
  for (const detail of details) {
    for (const story of detail.data?.stories ?? []) {
      places.set(story.id, { sprintId: detail.data?.id ?? '', name: detail.data?.name ?? '' });
    }
  }
  return (storyId) => (storyId ? (places.get(storyId) ?? null) : null);
}
