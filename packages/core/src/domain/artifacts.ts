/**
 * Reusable artifacts: datasets, tools, frameworks, models, feature pipelines, templates…
 * produced by one project and reused by others (KPI 3 of the data-science project KPIs).
 */

export const ARTIFACT_KINDS = [
  'dataset',
  'tool',
  'framework',
  'model',
  'feature_pipeline',
  'template',
  'other',
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** How the catalogue can be sorted: by name (A→Z), most reused first, or newest first. */
export const ARTIFACT_SORTS = ['name', 'most_reused', 'newest'] as const;
export type ArtifactSort = (typeof ARTIFACT_SORTS)[number];

export const ARTIFACT_KIND_LABELS: Readonly<Record<ArtifactKind, string>> = {
  dataset: 'Dataset',
  tool: 'Tool',
  framework: 'Framework',
  model: 'Model',
  feature_pipeline: 'Feature pipeline',
  template: 'Template',
  other: 'Other',
};

export const OWN_ARTIFACT_REUSE_RULE =
  'A project cannot record a reuse of its own artifact: reuse counts what other projects took from it.';

/** Reuse rule: the reusing project must differ from the producing one. */
export function isOwnArtifactReuse(
  artifact: { projectId: string },
  reusingProjectId: string,
): boolean {
  return artifact.projectId === reusingProjectId;
}
