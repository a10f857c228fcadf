import type { ProjectDetail } from '@sextant/core';
import { Notice } from '../../components/Feedback';

/**
 * Why a project page offers no edits: the project is archived (`readOnly` says what of it,
 * "its backlog is read-only"), or the reader is a viewer in its team.
 */
export function ReadOnlyNotice({
  project,
  title,
  readOnly,
}: {
  project: ProjectDetail;
  title: string;
  readOnly: string;
}) {
  return (
    <Notice title={title}>
      {project.archivedAt
        ? `The project is archived, so ${readOnly}.`
        : `You are a viewer in ${project.teamName}.`}
    </Notice>
  );
}
