import type { Invitation } from '@sextant/core';
import { useRevokeInvitation } from '../../api/invitations';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Feedback';
import { formatDateTime } from '../../lib/format';
import { RoleBadge } from './RoleBadge';

/** The team's pending invitations, each revocable (its link stops working at once). */
export function InvitationsTable({
  teamId,
  invitations,
}: {
  teamId: string;
  invitations: Invitation[];
}) {
  const revoke = useRevokeInvitation(teamId);
  return (
    <>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <DataTable
        label="Pending invitations"
        rows={invitations}
        columns={[
          { header: 'Email', cell: (i) => <strong>{i.email}</strong> },
          { header: 'Role', cell: (i) => <RoleBadge role={i.role} /> },
          { header: 'Invited by', cell: (i) => i.invitedBy?.name ?? 'A removed account' },
          { header: 'Sent', cell: (i) => formatDateTime(i.createdAt) },
          { header: 'Expires', cell: (i) => formatDateTime(i.expiresAt) },
          actionsColumn((i: Invitation) => (
            <ConfirmButton
              label="Revoke"
              ariaLabel={`Revoke the invitation of ${i.email}`}
              question={`Revoke the invitation of ${i.email}? Its link stops working.`}
              onConfirm={() => revoke.mutate(i.id)}
              pending={revoke.isPending}
            />
          )),
        ]}
      />
    </>
  );
}
