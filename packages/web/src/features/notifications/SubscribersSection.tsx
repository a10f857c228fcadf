import { Link } from 'react-router';
import { useSubscribers } from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section } from '../../components/Section';
import { MODE_LABELS, eventsSummary } from './event-text';

/** Who on the project gets its emails, and how (each person chooses in My notifications). */
export function SubscribersSection({ projectId }: { projectId: string }) {
  const subscribers = useSubscribers(projectId);
  return (
    <Section
      id="subscribers"
      title="Who is subscribed"
      description="The people who get this project's emails. Each chooses for themselves."
      actions={
        <Link className="btn" to="/account/notifications">
          My notifications
        </Link>
      }
    >
      <ListState
        query={subscribers}
        loading="Loading subscribers…"
        isEmpty={subscribers.data?.length === 0}
        empty={
          <EmptyState title="Nobody gets this project's emails yet.">
            <p>
              Subscribe in <Link to="/account/notifications">My notifications</Link>: each event at
              once, a daily digest, or the weekly sponsor digest.
            </p>
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            label="Subscribers"
            rows={rows}
            rowKey={(s) => s.user.id}
            columns={[
              {
                header: 'Person',
                cell: (s) => (
                  <>
                    <strong>{s.user.name}</strong>
                    <span className="endpoint-table__kind">{s.user.email}</span>
                  </>
                ),
              },
              { header: 'Emails', cell: (s) => MODE_LABELS[s.mode].label },
              {
                header: 'Events',
                cell: (s) =>
                  s.mode === 'off' ? <span className="muted">—</span> : eventsSummary(s.events),
              },
              {
                header: 'Weekly digest',
                cell: (s) =>
                  s.weeklyDigest ? (
                    <Badge tone="accent">Weekly digest</Badge>
                  ) : (
                    <span className="muted">No</span>
                  ),
              },
            ]}
          />
        )}
      </ListState>
    </Section>
  );
}
