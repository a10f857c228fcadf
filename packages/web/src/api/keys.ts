/** Query keys in one place, so a write knows exactly what it makes stale. */
export interface ProjectFilters {
  teamId: string;
  stage: string;
  archived: 'false' | 'true' | 'all';
}

export const keys = {
  me: ['me'] as const,
  teams: ['teams'] as const,
  team: (id: string) => ['teams', id] as const,
  members: (teamId: string) => ['teams', teamId, 'members'] as const,
  tokens: ['tokens'] as const,
  projects: ['projects'] as const,
  projectList: (filters: ProjectFilters) => ['projects', 'list', filters] as const,
  project: (id: string) => ['projects', 'detail', id] as const,
  stageHistory: (id: string) => ['projects', 'detail', id, 'stage-history'] as const,
  risks: (id: string) => ['projects', 'detail', id, 'risks'] as const,
  ciTokens: (id: string) => ['projects', 'detail', id, 'ci-tokens'] as const,
  /** Under the project's key, so anything that makes the project stale makes these stale too. */
  sprints: (projectId: string) => ['projects', 'detail', projectId, 'sprints'] as const,
  delivery: (projectId: string) => ['projects', 'detail', projectId, 'delivery'] as const,
  /** Every sprint's detail: a close carries stories from one sprint into another. */
  allSprints: ['sprints'] as const,
  sprint: (id: string) => ['sprints', id] as const,
};
