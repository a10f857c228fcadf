import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page, Project, ProjectDetail, ScopePatch, Stage, StageChange } from '@sextant/core';
import { api } from './client';
import { useGet, useItems } from './query';
import { keys, type ProjectFilters } from './keys';

const PAGE_SIZE = 25;

export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: keys.projectList(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Project>>(
        '/projects',
        {
          teamId: filters.teamId,
          stage: filters.stage,
          archived: filters.archived,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useProject(id: string) {
  return useGet<ProjectDetail>(keys.project(id), `/projects/${id}`);
}

export function useStageHistory(id: string) {
  return useItems<StageChange>(keys.stageHistory(id), `/projects/${id}/stage-history`);
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { teamId: string; name: string }) =>
      api.post<ProjectDetail>('/projects', body),
    onSuccess: (project) => {
      client.setQueryData(keys.project(project.id), project);
      return client.invalidateQueries({ queryKey: keys.projects });
    },
  });
}

/**
 * Writes that answer with the whole project (rename, scope, archive) put that answer
 * in the cache at once and mark lists stale.
 */
function useProjectWrite<V>(id: string, write: (vars: V) => Promise<ProjectDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (project) => {
      client.setQueryData(keys.project(id), project);
      return client.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useUpdateProject(id: string) {
  return useProjectWrite(id, (body: { name?: string; scope?: ScopePatch }) =>
    api.patch<ProjectDetail>(`/projects/${id}`, body),
  );
}

export function useSetArchived(id: string) {
  return useProjectWrite(id, (archived: boolean) =>
    api.post<ProjectDetail>(`/projects/${id}/${archived ? 'archive' : 'unarchive'}`),
  );
}

/** Anything that changes goals, criterion or stage: the detail (and its gates) is re-read. */
export function useInvalidateProject(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.project(id) }),
      client.invalidateQueries({ queryKey: ['projects', 'list'] }),
    ]);
}

export function useChangeStage(id: string) {
  const invalidate = useInvalidateProject(id);
  return useMutation({
    mutationFn: (body: { stage: Stage; note: string }) =>
      api.post<StageChange>(`/projects/${id}/stage`, body),
    onSuccess: invalidate,
  });
}
