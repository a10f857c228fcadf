import { useInvitations } from '../../api/invitations';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section } from '../../components/Section';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';

/** For the team's admins: invite by link, and the invitations not yet accepted. */
export function InvitationsSection({ teamId }: { teamId: string }) {
  const invitations = useInvitations(teamId);
  return (
    <>
      <Section title="Invite someone">
        <InviteForm teamId={teamId} />
      </Section>
      <Section
        title="Pending invitations"
        description="Links not yet used. Revoke one and it stops working at once."
        className="card--flush-body"
      >
        <ListState
          query={invitations}
          loading="Loading invitations…"
          isEmpty={invitations.data?.length === 0}
          empty={
            <EmptyState title="No pending invitations">
              <p>Invite someone above: their link is listed here until it is used.</p>
            </EmptyState>
          }
        >
          {(data) => <InvitationsTable teamId={teamId} invitations={data} />}
        </ListState>
      </Section>
    </>
  );
}
