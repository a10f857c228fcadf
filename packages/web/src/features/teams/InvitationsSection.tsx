import { useInvitations } from '../../api/invitations';
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
          empty={<p className="card__body muted">No pending invitations.</p>}
        >
          {(data) => <InvitationsTable teamId={teamId} invitations={data} />}
        </ListState>
      </Section>
    </>
  );
}
