import { useQuery } from '@tanstack/react-query';
import type {
  Artifact,
  ArtifactKind,
  ArtifactList,
  ArtifactSort,
  CreateArtifactBody,
  Page,
  Project,
  RecordReuseBody,
  WorkspaceArtifactKpis,
} from '@sextant/core';
import { api } from './client';
import { useGet, useListPage } from './query';
import { useInvalidatingMutation, usePostMutation } from './mutation';

/** The catalogue's filters as the API takes them ('' = not set). */
export interface ArtifactFilters {
  kind: '' | ArtifactKind;
  q: string;
  sort: ArtifactSort;
  offset: number;
}

export const ARTIFACT_PAGE_SIZE = 25;

const artifactKeys = {
  all: ['artifacts'] as const,
  list: (filters: ArtifactFilters) => ['artifacts', 'list', filters] as const,
  kpis: ['artifacts', 'kpis'] as const,
  myProjects: ['projects', 'artifact-choices'] as const,
};

/** One page of the workspace catalogue. */
export function useArtifacts(filters: ArtifactFilters) {
  return useListPage<ArtifactList>(artifactKeys.list(filters), '/artifacts', {
    kind: filters.kind,
    q: filters.q.trim(),
    sort: filters.sort,
    offset: filters.offset,
    limit: ARTIFACT_PAGE_SIZE,
  });
}

/** Produced and reused figures as the caller may see them. */
export function useArtifactKpis() {
  return useGet<WorkspaceArtifactKpis>(artifactKeys.kpis, '/artifacts/kpis');
}

/** The caller's active projects where they may write (member or admin of the team). */
export function useWritableProjects() {
  return useQuery({
    queryKey: artifactKeys.myProjects,
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Project>>('/projects', { limit: 200 }, signal);
      return page.items.filter((p) => p.role !== 'viewer');
    },
  });
}

export function useCreateArtifact() {
  return usePostMutation<Artifact, CreateArtifactBody>(artifactKeys.all, '/artifacts');
}

export function useRecordReuse() {
  return useInvalidatingMutation(
    artifactKeys.all,
    ({ artifactId, body }: { artifactId: string; body: RecordReuseBody }) =>
      api.post<Artifact>(`/artifacts/${artifactId}/reuses`, body),
  );
}
