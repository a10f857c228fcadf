import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useMembers, useTeam } from '../../api/teams';
import { EmptyState } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader, Section } from '../../components/Section';
import { Badge } from '../../components/Badge';
import { AddMemberForm } from './AddMemberForm';
import { InvitationsSection } from './InvitationsSection';
import { MembersTable } from './MembersTable';
import { ROLE_TEXT } from './role-text';
import { PageQueryState } from '../../components/PageQueryState';
import { ListState } from '../../components/ListState';

export function TeamPage() {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const members = useMembers(teamId);
  const me = useMe();

  if (team.isPending || team.isError) {
    return (
      <PageQueryState
        query={team}
        loading="Loading team…"
        notFound={
          <EmptyState title="Team not found" link={{ to: '/teams', label: 'Back to teams' }}>
            <p>It does not exist, or you are not one of its members.</p>
          </EmptyState>
        }
      />
    );
  }

  const isAdmin = team.data.role === 'admin';
  return (
    <div className="page">
      <PageTitle title={team.data.name} />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/teams">Teams</Link>
      </nav>
      <PageHeader
        title={team.data.name}
        subtitle={
          <>
            Your role: <Badge tone={isAdmin ? 'accent' : 'neutral'}>{team.data.role}</Badge>{' '}
            <span className="muted">({ROLE_TEXT[team.data.role].help})</span>
          </>
        }
        actions={
          <>
            <Link to={`/projects?team=${team.data.id}`} className="btn">
              Team projects
            </Link>
            {isAdmin ? (
              <Link to={`/teams/${team.data.id}/audit`} className="btn">
                Audit log
              </Link>
            ) : null}
          </>
        }
      />
      <Section
        title="Members"
        description={
          isAdmin
            ? 'Change roles or remove members. A team always keeps at least one admin.'
            : undefined
        }
        className="card--flush-body"
      >
        <ListState query={members}>
          {(data) => (
            <MembersTable
              teamId={team.data.id}
              teamName={team.data.name}
              members={data}
              isAdmin={isAdmin}
              currentUserId={me.data?.user?.id}
            />
          )}
        </ListState>
      </Section>
      {isAdmin ? <InvitationsSection teamId={team.data.id} /> : null}
      {isAdmin ? (
        <Section title="Add a member">
          <AddMemberForm teamId={team.data.id} />
        </Section>
      ) : null}
    </div>
  );
}
