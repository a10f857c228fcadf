/**
 * KPI 3, reusable artifacts: how many artifacts a project produced, how often other
 * projects reused them, and how many reuses it made of other projects' artifacts.
 * Pure functions over plain facts, each with its rule in words beside it.
 */

/** What the KPIs need of an artifact. */
export interface ArtifactFact {
  id: string;
  name: string;
  kind: string;
  /** The producing project. */
  projectId: string;
}

/** What the KPIs need of a reuse: which artifact, and which project reused it. */
export interface ReuseFact {
  artifactId: string;
  projectId: string;
}

export const ARTIFACTS_PRODUCED_RULE =
  'Artifacts produced: the number of artifacts registered with the project as their producer.';

/** Produced rule: count the artifacts whose producing project is `projectId`. */
export function countArtifactsProduced(
  artifacts: readonly ArtifactFact[],
  projectId: string,
): number {
  return artifacts.filter((a) => a.projectId === projectId).length;
}

export const REUSES_MADE_RULE =
  'Reuses made: the number of reuses the project recorded of other projects’ artifacts (one per artifact and purpose).';

/** Reuses-made rule: count the reuses recorded by `projectId` of artifacts it did not produce. */
export function countReusesMade(
  artifacts: readonly ArtifactFact[],
  reuses: readonly ReuseFact[],
  projectId: string,
): number {
  const producer = new Map(artifacts.map((a) => [a.id, a.projectId]));
  return reuses.filter((r) => r.projectId === projectId && producer.get(r.artifactId) !== projectId)
    .length;
}

export const REUSED_BY_OTHERS_RULE =
  'Reused by others: the number of reuses other projects recorded of the artifacts this project produced.';

/** Reused-by-others rule: reuses of `projectId`'s artifacts recorded by any other project. */
export function countReusedByOthers(
  artifacts: readonly ArtifactFact[],
  reuses: readonly ReuseFact[],
  projectId: string,
): number {
  const own = new Set(artifacts.filter((a) => a.projectId === projectId).map((a) => a.id));
  return reuses.filter((r) => own.has(r.artifactId) && r.projectId !== projectId).length;
}

export const REUSE_COUNT_RULE =
  'Reuse count of an artifact: the number of reuses recorded of it, by any project.';

/** Reuse-count rule: reuses per artifact id; artifacts never reused count 0. */
export function reuseCountByArtifact(
  artifacts: readonly ArtifactFact[],
  reuses: readonly ReuseFact[],
): Map<string, number> {
  const counts = new Map<string, number>(artifacts.map((a) => [a.id, 0]));
  for (const r of reuses) {
    const current = counts.get(r.artifactId);
    if (current !== undefined) counts.set(r.artifactId, current + 1);
  }
  return counts;
}

export const MOST_REUSED_LIMIT = 5;

export const MOST_REUSED_RULE =
  'Most reused: the 5 artifacts with the most reuses (never-reused artifacts are left out), ties by name A→Z.';

export interface MostReusedArtifact {
  id: string;
  name: string;
  kind: string;
  reuseCount: number;
}

/** Most-reused rule: artifacts with at least one reuse, most first, ties by name, top `limit`. */
export function mostReusedArtifacts(
  artifacts: readonly ArtifactFact[],
  reuses: readonly ReuseFact[],
  limit: number = MOST_REUSED_LIMIT,
): MostReusedArtifact[] {
  const counts = reuseCountByArtifact(artifacts, reuses);
  return artifacts
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind, reuseCount: counts.get(a.id) ?? 0 }))
    .filter((a) => a.reuseCount > 0)
    .sort(
      (a, b) =>
        b.reuseCount - a.reuseCount ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}

/** Every rule of the artifact KPIs, keyed as the KPI objects name their figures. */
export const ARTIFACT_KPI_RULES = {
  produced: ARTIFACTS_PRODUCED_RULE,
  reusedByOthers: REUSED_BY_OTHERS_RULE,
  reusesMade: REUSES_MADE_RULE,
  reuseCount: REUSE_COUNT_RULE,
  mostReused: MOST_REUSED_RULE,
} as const;

/** One project's artifact KPIs. */
export interface ProjectArtifactKpis {
  produced: number;
  reusedByOthers: number;
  reusesMade: number;
  /** The project's own artifacts, most reused first (top 5). */
  mostReused: MostReusedArtifact[];
  rules: typeof ARTIFACT_KPI_RULES;
}

/**
 * A project's artifact KPIs from the artifacts and reuses that concern it: the ones it
 * produced (with their reuses) and the reuses it made.
 */
export function projectArtifactKpis(
  artifacts: readonly ArtifactFact[],
  reuses: readonly ReuseFact[],
  projectId: string,
): ProjectArtifactKpis {
  const own = artifacts.filter((a) => a.projectId === projectId);
  return {
    produced: countArtifactsProduced(artifacts, projectId),
    reusedByOthers: countReusedByOthers(artifacts, reuses, projectId),
    reusesMade: countReusesMade(artifacts, reuses, projectId),
    mostReused: mostReusedArtifacts(own, reuses),
    rules: ARTIFACT_KPI_RULES,
  };
}
