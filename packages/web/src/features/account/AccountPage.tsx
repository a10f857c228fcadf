import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '@sextant/core';
import { useMe } from '../../api/auth';
import { Fact } from '../../components/Fact';
import { Badge } from '../../components/Badge';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Section, TitledPageHeader } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { ROLE_TEXT } from '../teams/role-text';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';
import { NoTeamYet } from '../teams/NoTeamYet';

type Person = NonNullable<Me['user']>;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function Profile({ user }: { user: Person }) {
  return (
    <dl className="facts">
      <Fact label="Name">{user.name}</Fact>
      <Fact label="Email">{user.email}</Fact>
      <Fact label="Workspace admin">{user.isAdmin ? 'Yes' : 'No'}</Fact>
      <Fact label="Member since">{formatDate(user.createdAt)}</Fact>
    </dl>
  );
}

function TeamsList({ teams }: { teams: Me['teams'] }) {
  if (teams.length === 0) {
    return (
      <NoTeamYet primary={false}>
        <p>Create one, or ask a team admin to add you by your email.</p>
      </NoTeamYet>
    );
  }
  return (
    <ul className="team-list" aria-label="Your teams">
      {teams.map((team) => (
        <li key={team.id} className="team-list__item">
          <div className="team-list__text">
            <Link className="team-list__name" to={`/teams/${team.id}`}>
              {team.name}
            </Link>
            <p className="team-list__help">{capitalised(ROLE_TEXT[team.role].help)}</p>
          </div>
          <Badge tone={team.role === 'admin' ? 'accent' : 'neutral'}>{team.role}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** The signed-in person: who they are, their teams and roles, and their password. */
export function AccountPage() {
  const me = useMe();

  let body: ReactNode;
  if (me.isPending) {
    body = <Loading label="Loading your account…" />;
  } else if (me.isError) {
    body = <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  } else if (!me.data.user) {
    body = <ErrorNotice error={new Error('This session does not belong to a person.')} />;
  } else {
    const user = me.data.user;
    body = (
      <div className="account-grid">
        <div className="account-grid__column">
          <Section title="Profile">
            <Profile user={user} />
          </Section>
          <Section title="Name and email" description="How others see you, and how you sign in.">
            <ProfileForm user={user} />
          </Section>
          <Section
            title="Teams"
            description="Your role in a team decides what you may change in its projects."
          >
            <TeamsList teams={me.data.teams} />
          </Section>
        </div>
        <Section
          title="Change password"
          description="Every other session signs out; this one stays signed in."
        >
          <ChangePasswordForm email={user.email} />
        </Section>
      </div>
    );
  }

  return (
    <div className="page">
      <TitledPageHeader title="Your account" subtitle="Who you are in Sextant, and your teams." />
      {body}
    </div>
  );
}
