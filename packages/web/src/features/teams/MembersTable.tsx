import { useNavigate } from 'react-router';
import { TEAM_ROLES, type Member, type TeamRole } from '@sextant/core';
import { useChangeMemberRole, useRemoveMember } from '../../api/teams';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/Feedback';
import { Badge } from '../../components/Badge';
import { formatDate } from '../../lib/format';
import { ROLE_TEXT } from './role-text';

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
      <table className="table table--stack" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
            {isAdmin ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isMe = member.userId === currentUserId;
            return (
              <tr key={member.userId}>
                <td data-label="Name">
                  <strong>{member.name}</strong>
                  {isMe ? <span className="muted"> (you)</span> : null}
                </td>
                <td data-label="Email">{member.email}</td>
                <td data-label="Role">
                  {isAdmin ? (
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
                    <Badge tone={member.role === 'admin' ? 'accent' : 'neutral'}>
                      {member.role}
                    </Badge>
                  )}
                </td>
                <td data-label="Added">{formatDate(member.addedAt)}</td>
                {isAdmin ? (
                  <td data-label="Actions" className="table__actions">
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
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
