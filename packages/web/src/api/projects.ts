import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project, ProjectDetail, ScopePatch, Stage, StageChange } from '@sextant/core';
import { api } from './client';
import { useCursorPages, useGet, useItems } from './query';
import { keys, type ProjectFilters } from './keys';

const PAGE_SIZE = 25;

export function useProjectList(filters: ProjectFilters) {
  return useCursorPages<Project>(keys.projectList(filters), '/projects', (cursor) => ({
    teamId: filters.teamId,
    stage: filters.stage,
    archived: filters.archived,
    limit: PAGE_SIZE,
    cursor,
  }));
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
