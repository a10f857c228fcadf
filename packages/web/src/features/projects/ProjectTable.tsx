import { Link } from 'react-router';
import type { Project } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { StageBadge } from '../../components/StageBadge';
import { formatDateTime, formatRelative } from '../../lib/format';

export function ProjectTable({ projects }: { projects: Project[] }) {
  return (
    <table className="table table--stack">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Team</th>
          <th scope="col">Stage</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id}>
            <td data-label="Project">
              <Link className="table__primary-link" to={`/projects/${project.id}`}>
                {project.name}
              </Link>
              {project.archivedAt ? <Badge>Archived</Badge> : null}
            </td>
            <td data-label="Team">{project.teamName}</td>
            <td data-label="Stage">
              <StageBadge stage={project.stage} />
            </td>
            <td data-label="Updated">
              <time dateTime={project.updatedAt} title={formatDateTime(project.updatedAt)}>
                {formatRelative(project.updatedAt)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
