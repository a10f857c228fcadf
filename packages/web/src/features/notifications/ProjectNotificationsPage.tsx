import { Navigate } from 'react-router';
import { projectEndpoints } from '../../api/notifications';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { projectHome } from '../project/project-home';
import { EndpointsSection } from './EndpointsSection';
import { SubscribersSection } from './SubscribersSection';

function ProjectNotifications({ project, isAdmin }: ProjectAccess) {
  // Endpoints and subscribers are for the team's members and admins.
  if (project.role === 'viewer' || project.role === 'operator') {
    return <Navigate to={projectHome(project)} replace />;
  }
  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Notifications"
        subtitle="Where this project's events go: webhooks, Slack and Teams, and who gets its emails."
        readOnly={
          project.archivedAt
            ? { title: 'Endpoints are read-only.', what: 'its endpoints cannot be changed' }
            : false
        }
      />
      <div className="notifications-page">
        <EndpointsSection
          base={projectEndpoints(project.id)}
          canEdit={isAdmin}
          description={
            isAdmin
              ? 'Each event is signed, retried for a day when the receiver fails, and logged.'
              : 'A project admin adds and changes endpoints; you can read their delivery logs.'
          }
        />
        <SubscribersSection projectId={project.id} />
      </div>
    </div>
  );
}

export function ProjectNotificationsPage() {
  return <ProjectRoute content={ProjectNotifications} />;
}
