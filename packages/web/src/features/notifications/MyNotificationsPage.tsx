import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { WORKSPACE_ENDPOINTS, useMySubscriptions } from '../../api/notifications';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section, TitledPageHeader } from '../../components/Section';
import { EndpointsSection } from './EndpointsSection';
import { SubscriptionForm } from './SubscriptionForm';

/** Account → My notifications: my emails per project; for workspace admins, every endpoint. */
export function MyNotificationsPage() {
  const me = useMe();
  const subscriptions = useMySubscriptions();
  return (
    <div className="page">
      <TitledPageHeader
        title="My notifications"
        subtitle="Which projects email you, about what, and how often."
      />
      <Section
        title="Email"
        description="Sent to your account's email address; every email has a one-click unsubscribe link."
      >
        <ListState
          query={subscriptions}
          loading="Loading your projects…"
          isEmpty={subscriptions.data?.length === 0}
          empty={
            <EmptyState
              title="No project to follow yet."
              link={{ to: '/projects', label: 'Projects' }}
            >
              <p>Once you are in a team with projects, choose here what each one emails you.</p>
            </EmptyState>
          }
        >
          {(rows) => (
            <ul className="subscription-list" aria-label="Projects">
              {rows.map((s) => (
                <li key={s.projectId} className="subscription-list__item">
                  <SubscriptionForm subscription={s} />
                  <Link
                    className="subscription-list__link"
                    to={`/projects/${s.projectId}/notifications`}
                  >
                    Project notifications
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </ListState>
      </Section>
      {me.data?.user?.isAdmin ? (
        <EndpointsSection
          base={WORKSPACE_ENDPOINTS}
          all
          canEdit
          title="Every endpoint (workspace admin)"
          description="Workspace endpoints receive every project's events; project endpoints are listed with their project."
        />
      ) : null}
    </div>
  );
}
