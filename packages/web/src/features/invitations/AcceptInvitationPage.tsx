import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useInvitationLink } from '../../api/invitations';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Logo } from '../../components/Logo';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { ROLE_TEXT } from '../teams/role-text';
import { JoinWithAccount } from './JoinWithAccount';
import { NewAccountForm } from './NewAccountForm';

/** Why a link no longer works, in words, from its answer's status and code. */
function refusal(error: unknown): { title: string; text: string } | null {
  if (!isApiError(error)) return null;
  if (error.status === 404) {
    return {
      title: 'This invitation link is not valid',
      text: 'It was revoked, or it never existed. Ask a team admin for a new link.',
    };
  }
  if (error.code === 'invitation_used') {
    return {
      title: 'This invitation has already been used',
      text: 'A link works once. If it was you, sign in; otherwise ask a team admin for a new link.',
    };
  }
  if (error.code === 'invitation_expired') {
    return {
      title: 'This invitation has expired',
      text: 'A link works for 7 days. Ask a team admin for a new one.',
    };
  }
  return null;
}

/** Where an invitation link lands: the team and role, then a new account or joining with one. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const link = useInvitationLink(token);
  const refused = refusal(link.error);

  return (
    <main className="login">
      <PageTitle title="Invitation" />
      <div className="login__panel">
        <div className="login__brand">
          <Logo size={36} />
          <div>
            <h1 className="login__title">
              {link.data ? `Join ${link.data.team.name}` : 'Sextant invitation'}
            </h1>
            {link.data ? (
              <p className="login__subtitle">
                {link.data.invitedByName ?? 'A team admin'} invited you as{' '}
                <strong>{ROLE_TEXT[link.data.role].label.toLowerCase()}</strong> (
                {ROLE_TEXT[link.data.role].help}).
              </p>
            ) : null}
          </div>
        </div>
        {link.isPending ? (
          <Loading label="Opening the invitation…" />
        ) : refused ? (
          <div className="notice notice--warning" role="alert">
            <strong className="notice__title">{refused.title}</strong>
            <p>{refused.text}</p>
          </div>
        ) : link.isError ? (
          <ErrorNotice error={link.error} onRetry={() => void link.refetch()} />
        ) : link.data.existingAccount ? (
          <JoinWithAccount token={token} view={link.data} />
        ) : (
          <NewAccountForm token={token} view={link.data} />
        )}
        <p className="login__help">
          {link.data ? `The link works once, until ${formatDateTime(link.data.expiresAt)}. ` : ''}
          Already have an account? <Link to="/login">Sign in</Link>.
        </p>
      </div>
    </main>
  );
}
