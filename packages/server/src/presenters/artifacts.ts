import type { Artifact, ArtifactProducer } from '@sextant/core';
import type { ArtifactRecord, ArtifactReuseRecord } from '@sextant/db';

/** Whether the caller belongs to a team (any role), i.e. may see its projects. */
export type TeamVisibility = (teamId: string) => boolean;

/**
 * An artifact as one caller may see it. Name, kind, description and link are workspace-wide;
 * the producing project is shown only to its team's members, and a reuse only to members
 * of the reusing project's team — the others are a bare count, `hiddenReuses`.
 */
export function presentArtifact(
  artifact: ArtifactRecord,
  reuses: readonly ArtifactReuseRecord[],
  canSee: TeamVisibility,
): Artifact {
  const producedBy: ArtifactProducer = canSee(artifact.teamId)
    ? {
        visible: true,
        projectId: artifact.projectId,
        projectName: artifact.projectName,
        teamName: artifact.teamName,
        createdBy: artifact.createdBy,
      }
    : { visible: false };
  const own = reuses.filter((r) => r.artifactId === artifact.id);
  const visible = own.filter((r) => canSee(r.teamId));
  return {
    id: artifact.id,
    name: artifact.name,
    kind: artifact.kind,
    description: artifact.description,
    link: artifact.link,
    producedBy,
    createdAt: artifact.createdAt,
    reuseCount: own.length,
    reuses: visible.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      projectName: r.projectName,
      purpose: r.purpose,
      reusedBy: r.reusedBy,
      reusedAt: r.reusedAt,
    })),
    hiddenReuses: own.length - visible.length,
  };
}
