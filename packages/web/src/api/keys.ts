/** Query keys in one place, so a write knows exactly what it makes stale. */
export interface ProjectFilters {
  teamId: string;
  stage: string;
  archived: 'false' | 'true' | 'all';
}

/** The runs table's filters and sort, as the API takes them ('' = not set). */
export interface RunFilters {
  provenance: '' | 'ci' | 'manual';
  branch: string;
  sortMetric: string;
  order: 'asc' | 'desc';
}

/** The portfolio's filters, sort and page, as the API takes them ('' = not set). */
export interface PortfolioFilters {
  stage: string;
  health: string;
  teamId: string;
  q: string;
  sort: 'health' | 'name' | 'stage' | 'newest';
  offset: number;
}

/** The people page's filter and sort, as the API takes them ('' = not set). */
export interface PeopleFilters {
  q: string;
  sort: 'name' | 'email' | 'lastSignIn' | 'created';
}

export const keys = {
  me: ['me'] as const,
  /** Every page of the people list, whatever its filters. */
  people: ['people'] as const,
  peopleList: (filters: PeopleFilters) => ['people', filters] as const,
  teams: ['teams'] as const,
  team: (id: string) => ['teams', id] as const,
  members: (teamId: string) => ['teams', teamId, 'members'] as const,
  /** A team's pending invitations (its admins only). */
  invitations: (teamId: string) => ['teams', teamId, 'invitations'] as const,
  /** What an invitation link offers; the secret is the key, and the cache is dropped on accept. */
  invitationLink: (token: string) => ['invitation-link', token] as const,
  /** A project's sponsor links (its admins only). */
  sponsorLinks: (projectId: string) => ['projects', projectId, 'sponsor-links'] as const,
  /** What a sponsor link opens; the secret is the key. */
  sponsorView: (token: string) => ['sponsor-view', token] as const,
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
  /** Under the sprint's key: a sprint or story write makes its review stale too. */
  review: (sprintId: string) => ['sprints', sprintId, 'review'] as const,
  /** Under the project's key: a criterion change re-reads every run's comparison. */
  runs: (projectId: string) => ['projects', 'detail', projectId, 'runs'] as const,
  runList: (projectId: string, filters: RunFilters) =>
    ['projects', 'detail', projectId, 'runs', 'list', filters] as const,
  run: (id: string) => ['runs', id] as const,
  backlog: (projectId: string) => ['projects', 'detail', projectId, 'backlog'] as const,
  deployments: (projectId: string) => ['projects', 'detail', projectId, 'deployments'] as const,
  deploymentList: (projectId: string, environment: string) =>
    ['projects', 'detail', projectId, 'deployments', 'list', environment] as const,
  deploymentKpis: (projectId: string) =>
    ['projects', 'detail', projectId, 'deployments', 'kpis'] as const,
  insights: (projectId: string) => ['projects', 'detail', projectId, 'insights'] as const,
  /** The ledger page and the ROI figures: one entry changes both. */
  ledger: (projectId: string) => ['projects', 'detail', projectId, 'ledger'] as const,
  /** Every KPI family, alerts and health: re-read whenever the project is. */
  kpis: (projectId: string) => ['projects', 'detail', projectId, 'kpis'] as const,
  /** Under the project lists' key, so a project write makes the portfolio stale too. */
  portfolio: (query: PortfolioFilters) => ['projects', 'list', 'portfolio', query] as const,
};
