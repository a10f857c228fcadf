import { Navigate, useParams } from 'react-router';
import { roleAtLeast } from '@sextant/core';
import { useMe } from '../../api/auth';
import { useProject } from '../../api/projects';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { CiTokensSection } from './CiTokensSection';
import { SponsorLinksSection } from '../sponsor/SponsorLinksSection';
import { CriterionSection } from './CriterionSection';
import { GoalsSection } from './GoalsSection';
import { KpiOverview } from './KpiOverview';
import { ProjectHeader } from './ProjectHeader';
import { RisksSection } from './RisksSection';
import { ScopeCanvas } from './ScopeCanvas';
import { StageBar } from './StageBar';
import { StageHistory } from './StageHistory';
import { projectHome } from './project-home';
import { ProjectTabs } from './ProjectTabs';
import { PageQueryState } from '../../components/PageQueryState';
import { ProjectNotFound } from './ProjectSubpage';

export function ProjectPage() {
  const { projectId = '' } = useParams();
  const query = useProject(projectId);
  const me = useMe();

  if (query.isPending || query.isError) {
    return (
      <PageQueryState query={query} loading="Loading project…" notFound={<ProjectNotFound />} />
    );
  }

  const project = query.data;
  // An operator sees the production pages only.
  if (project.role === 'operator') return <Navigate to={projectHome(project)} replace />;
  const isMember = roleAtLeast(project.role, 'member');
  /** Archived projects are read-only for everyone until unarchived. */
  const canEdit = isMember && !project.archivedAt;

  return (
    <div className="page page--wide">
      <PageTitle title={project.name} />
      <ProjectHeader project={project} canEdit={canEdit} isMember={isMember} />
      <ProjectTabs projectId={project.id} role={project.role} />
      {project.archivedAt ? (
        <Notice tone="warning" title="This project is archived.">
          It is read-only and hidden from the project list.
          {isMember ? ' Unarchive it to change it.' : ''}
        </Notice>
      ) : !isMember ? (
        <Notice title="You can view this project.">
          You are a viewer in {project.teamName}; a team admin can make you a member so you can edit
          it.
        </Notice>
      ) : null}
      <KpiOverview projectId={project.id} canEdit={canEdit} />
      <StageBar project={project} canEdit={canEdit} />
      <div className="project-grid">
        <div className="project-grid__main">
          <ScopeCanvas project={project} canEdit={canEdit} />
          <GoalsSection project={project} canEdit={canEdit} />
          <CriterionSection project={project} canEdit={canEdit} />
          <RisksSection projectId={project.id} canEdit={canEdit} />
          {project.role === 'admin' ? <SponsorLinksSection projectId={project.id} /> : null}
        </div>
        <aside className="project-grid__side">
          <StageHistory projectId={project.id} />
          {isMember ? (
            <CiTokensSection
              projectId={project.id}
              canEdit={canEdit}
              isTeamAdmin={project.role === 'admin'}
              userId={me.data?.user?.id ?? null}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
