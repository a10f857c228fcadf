import type { ComponentProps, ComponentType, ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { roleAtLeast, type ProjectDetail } from '@sextant/core';
import { useProject } from '../../api/projects';
import { EmptyState } from '../../components/Feedback';
import { projectHome } from './project-home';
import { ProjectTabs } from './ProjectTabs';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { PageQueryState } from '../../components/PageQueryState';
import type { HeaderAction } from '../../components/HeaderAction';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader } from '../../components/Section';

export interface ProjectAccess {
  project: ProjectDetail;
  /** Member or admin of the project's team, and the project is not archived. */
  canEdit: boolean;
  isAdmin: boolean;
}

/** Who may change what on a project: viewers and archived projects are read-only. */
export function projectAccess(project: ProjectDetail): ProjectAccess {
  return {
    project,
    canEdit: roleAtLeast(project.role, 'member') && !project.archivedAt,
    isAdmin: project.role === 'admin' && !project.archivedAt,
  };
}

/** A missing project, or one of a team the reader is not in, looks the same. */
export function ProjectNotFound({ what = 'Project' }: { what?: string }) {
  return (
    <EmptyState title={`${what} not found`} link={{ to: '/projects', label: 'Back to projects' }}>
      <p>It does not exist, or it belongs to a team you are not in.</p>
    </EmptyState>
  );
}

/** A page of one thing of a project (a run, a sprint) while the thing's query has no data. */
export function ProjectItemState({
  query,
  loading,
  what,
}: {
  query: ComponentProps<typeof PageQueryState>['query'];
  /** What the loading line says ("Loading run…"). */
  loading: string;
  /** What the thing is, for "Run not found". */
  what: string;
}) {
  return (
    <PageQueryState query={query} loading={loading} notFound={<ProjectNotFound what={what} />} />
  );
}

/** The breadcrumb back to the project, and the project's tabs. */
export function ProjectCrumbs({
  project,
  trail,
}: {
  project: ProjectDetail;
  trail?: { to: string; label: string }[];
}) {
  return (
    <div className="subpage-nav">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/projects">Projects</Link>
        <span aria-hidden="true">/</span>
        <Link to={projectHome(project)}>{project.name}</Link>
        {trail?.map((item) => (
          <span key={item.to} className="breadcrumb__item">
            <span aria-hidden="true">/</span>
            <Link to={item.to}>{item.label}</Link>
          </span>
        ))}
      </nav>
      <ProjectTabs projectId={project.id} role={project.role} />
    </div>
  );
}

/**
 * A page under a project (sprints, delivery): loads the project for its name and the
 * reader's role, and shows loading, not-found and errors the way the project page does.
 */
export function ProjectSubpage({
  projectId,
  children,
}: {
  projectId: string;
  children: (access: ProjectAccess) => ReactNode;
}) {
  const query = useProject(projectId);
  if (query.isPending || query.isError) {
    return (
      <PageQueryState query={query} loading="Loading project…" notFound={<ProjectNotFound />} />
    );
  }
  return <>{children(projectAccess(query.data))}</>;
}

/** The page of the project the address names: `content` drawn with the reader's access to it. */
export function ProjectRoute({ content: Content }: { content: ComponentType<ProjectAccess> }) {
  const { projectId = '' } = useParams();
  return (
    <ProjectSubpage projectId={projectId}>{(access) => <Content {...access} />}</ProjectSubpage>
  );
}

/**
 * The page of one thing of the project the address names: `content` drawn with the reader's
 * access, and the thing's id from the address parameter `param` ("runId") as the prop of that name.
 */
export function ProjectItemRoute<Param extends string>({
  content: Content,
  param,
}: {
  content: ComponentType<ProjectAccess & Record<Param, string>>;
  param: Param;
}) {
  const params = useParams();
  // The one key `param`, so exactly a Record<Param, string>.
  const item = { [param]: params[param] ?? '' } as Record<Param, string>;
  return (
    <ProjectSubpage projectId={params.projectId ?? ''}>
      {(access) => <Content {...access} {...item} />}
    </ProjectSubpage>
  );
}

/** A project page's top: the tab title, the breadcrumb and tabs, then the page header. */
export function ProjectPageHeader({
  project,
  tab,
  title,
  subtitle,
  action,
  readOnly,
}: {
  project: ProjectDetail;
  /** The tab title's first part; defaults to the title. */
  tab?: string;
  title: string;
  subtitle: ReactNode;
  action?: HeaderAction | false | null;
  /** For readers who may not edit: the notice's title, and what of the project is read-only. */
  readOnly?: { title: string; what: string } | false;
}) {
  return (
    <>
      <PageTitle title={`${tab ?? title} · ${project.name}`} />
      <ProjectCrumbs project={project} />
      <PageHeader title={title} subtitle={subtitle} action={action} />
      {readOnly ? (
        <ReadOnlyNotice project={project} title={readOnly.title} readOnly={readOnly.what} />
      ) : null}
    </>
  );
}
