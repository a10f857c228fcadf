import type { Project } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { StageBadge } from '../../components/StageBadge';
import { TitledTime } from '../../components/TitledTime';
import { PrimaryLink } from '../../components/PrimaryLink';
import { projectHome } from '../project/project-home';

export function ProjectTable({ projects }: { projects: Project[] }) {
  return (
    <DataTable
      rows={projects}
      columns={[
        {
          header: 'Project',
          cell: (project) => (
            <>
              <PrimaryLink to={projectHome(project)}>{project.name}</PrimaryLink>
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
