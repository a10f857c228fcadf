import { useNavigate } from 'react-router';
import { TEAM_ROLES, type Member, type TeamRole } from '@sextant/core';
import { useChangeMemberRole, useRemoveMember } from '../../api/teams';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/Feedback';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { ROLE_TEXT } from './role-text';
import { RoleBadge } from './RoleBadge';

interface MembersTableProps {
  teamId: string;
  teamName: string;
  members: Member[];
  isAdmin: boolean;
  currentUserId: string | undefined;
}

export function MembersTable({
  teamId,
  teamName,
  members,
  isAdmin,
  currentUserId,
}: MembersTableProps) {
  const navigate = useNavigate();
  const changeRole = useChangeMemberRole(teamId);
  const remove = useRemoveMember(teamId);
  const error = changeRole.error ?? remove.error;
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <DataTable
        label="Members"
        rows={members}
        rowKey={(member) => member.userId}
        columns={[
          {
            header: 'Name',
            cell: (member) => (
              <>
                <strong>{member.name}</strong>
                {member.userId === currentUserId ? <span className="muted"> (you)</span> : null}
              </>
            ),
          },
          { header: 'Email', cell: (member) => member.email },
          {
            header: 'Role',
            cell: (member) =>
              isAdmin ? (
                <select
                  aria-label={`Role of ${member.name}`}
                  value={member.role}
                  disabled={changeRole.isPending}
                  onChange={(e) => {
                    remove.reset();
                    changeRole.mutate({
                      userId: member.userId,
                      role: e.target.value as TeamRole,
                    });
                  }}
                >
                  {TEAM_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_TEXT[role].label}
                    </option>
                  ))}
                </select>
              ) : (
                <RoleBadge role={member.role} />
              ),
          },
          { header: 'Added', cell: (member) => formatDate(member.addedAt) },
          isAdmin &&
            actionsColumn((member: Member) => {
              const isMe = member.userId === currentUserId;
              return (
                <ConfirmButton
                  label="Remove"
                  ariaLabel={`Remove ${member.name}`}
                  question={
                    isMe
                      ? `Leave ${teamName}? You lose access to its projects.`
                      : `Remove ${member.name} from ${teamName}?`
                  }
                  onConfirm={() => {
                    changeRole.reset();
                    remove.mutate(member.userId, {
                      // Having left, you may no longer see the team.
                      onSuccess: () => (isMe ? navigate('/teams') : undefined),
                    });
                  }}
                  pending={remove.isPending}
                />
              );
            }),
        ]}
      />
    </>
  );
}
