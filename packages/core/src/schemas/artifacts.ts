import { z } from 'zod';
import { HttpUrl, LIMITS, UserRef, requiredText } from './common.js';
import { ARTIFACT_KINDS, ARTIFACT_SORTS } from '../domain/artifacts.js';

export const ArtifactKindSchema = z.enum(ARTIFACT_KINDS);

const ProjectIdField = z.string().min(1).max(100);

export const CreateArtifactBody = z.strictObject({
  name: requiredText(LIMITS.name),
  kind: ArtifactKindSchema,
  description: requiredText(LIMITS.longText),
  /** Where the artifact lives (repository, registry, share…). */
  link: HttpUrl.nullable().optional(),
  /** The producing project: one of the caller's projects where they are member or admin. */
  projectId: ProjectIdField,
});
export type CreateArtifactBody = z.infer<typeof CreateArtifactBody>;

export const RecordReuseBody = z.strictObject({
  /** The reusing project: one of the caller's projects, not the producing one. */
  projectId: ProjectIdField,
  /** What the project used it for. */
  purpose: requiredText(LIMITS.shortText),
});
export type RecordReuseBody = z.infer<typeof RecordReuseBody>;

export const ListArtifactsQuery = z.strictObject({
  kind: ArtifactKindSchema.optional(),
  /** Words searched in names and descriptions, case-insensitively. */
  q: z.string().trim().max(LIMITS.name).optional(),
  sort: z.enum(ARTIFACT_SORTS).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListArtifactsQuery = z.infer<typeof ListArtifactsQuery>;

/** The producing project, shown only to members of its team. */
export const ArtifactProducer = z.discriminatedUnion('visible', [
  z.object({
    visible: z.literal(true),
    projectId: z.string(),
    projectName: z.string(),
    teamName: z.string(),
    createdBy: UserRef.nullable(),
  }),
  /** Another team's project: nothing about it is shown. */
  z.object({ visible: z.literal(false) }),
]);
export type ArtifactProducer = z.infer<typeof ArtifactProducer>;

/** A reuse the caller may see (the reusing project is one of their teams'). */
export const ArtifactReuse = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  purpose: z.string(),
  reusedBy: UserRef.nullable(),
  reusedAt: z.string(),
});
export type ArtifactReuse = z.infer<typeof ArtifactReuse>;

export const Artifact = z.object({
  id: z.string(),
  name: z.string(),
  kind: ArtifactKindSchema,
  description: z.string(),
  link: z.string().nullable(),
  producedBy: ArtifactProducer,
  createdAt: z.string(),
  /** Every reuse of it, by any project. */
  reuseCount: z.number().int(),
  /** The reuses by projects of the caller's teams. */
  reuses: z.array(ArtifactReuse),
  /** Reuses by projects of other teams: counted, never named. */
  hiddenReuses: z.number().int(),
});
export type Artifact = z.infer<typeof Artifact>;

export const ArtifactList = z.object({
  items: z.array(Artifact),
  /** Artifacts matching the filters, over all pages. */
  total: z.number().int(),
  /** Pass as `offset` to read the next page; null on the last page. */
  nextOffset: z.number().int().nullable(),
});
export type ArtifactList = z.infer<typeof ArtifactList>;

export const MostReusedArtifactSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  reuseCount: z.number().int(),
});

export const ArtifactKpiRules = z.object({
  produced: z.string(),
  reusedByOthers: z.string(),
  reusesMade: z.string(),
  reuseCount: z.string(),
  mostReused: z.string(),
});

/** One project's artifact KPIs. */
export const ProjectArtifactKpisSchema = z.object({
  produced: z.number().int(),
  reusedByOthers: z.number().int(),
  reusesMade: z.number().int(),
  mostReused: z.array(MostReusedArtifactSchema),
  rules: ArtifactKpiRules,
});
export type ProjectArtifactKpisBody = z.infer<typeof ProjectArtifactKpisSchema>;

/** The workspace figures as the caller may see them. */
export const WorkspaceArtifactKpis = z.object({
  /** Artifacts in the catalogue (every team's: names are workspace-wide). */
  artifacts: z.number().int(),
  /** Reuses recorded in the workspace, by any project. */
  reuses: z.number().int(),
  /** The most reused artifacts of the workspace; reuses by other teams only as `hiddenReuses`. */
  mostReused: z.array(MostReusedArtifactSchema.extend({ hiddenReuses: z.number().int() })),
  /** The caller's projects (every team they belong to), each with its figures. */
  projects: z.array(
    z.object({
      projectId: z.string(),
      projectName: z.string(),
      produced: z.number().int(),
      reusedByOthers: z.number().int(),
      reusesMade: z.number().int(),
    }),
  ),
  rules: ArtifactKpiRules,
});
export type WorkspaceArtifactKpis = z.infer<typeof WorkspaceArtifactKpis>;
