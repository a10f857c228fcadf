import { Link } from 'react-router';
import type { Project } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { StageBadge } from '../../components/StageBadge';
import { TitledTime } from '../../components/TitledTime';

export function ProjectTable({ projects }: { projects: Project[] }) {
  return (
    <DataTable
      rows={projects}
      rowKey={(project) => project.id}
      columns={[
        {
          header: 'Project',
          cell: (project) => (
            <>
              <Link className="table__primary-link" to={`/projects/${project.id}`}>
                {project.name}
              </Link>
              {project.archivedAt ? <Badge>Archived</Badge> : null}
            </>
          ),
        },
        { header: 'Team', cell: (project) => project.teamName },
        { header: 'Stage', cell: (project) => <StageBadge stage={project.stage} /> },
        { header: 'Updated', cell: (project) => <TitledTime at={project.updatedAt} relative /> },
      ]}
    />
  );
}
