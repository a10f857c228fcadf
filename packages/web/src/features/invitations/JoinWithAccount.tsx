import { landingAfterJoin } from './landing';
import { Link, useLocation, useNavigate } from 'react-router';
import type { InvitationView } from '@sextant/core';
import { useLogout, useMe } from '../../api/auth';
import { useJoinInvitation } from '../../api/invitations';
import { ErrorNotice, Loading } from '../../components/Feedback';

/**
 * The invited email already has an account: its owner signs in and joins; anyone else
 * signed in is told whose the invitation is.
 */
export function JoinWithAccount({ token, view }: { token: string; view: InvitationView }) {
  const me = useMe();
  const join = useJoinInvitation(token);
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  if (me.isPending) return <Loading label="Checking who is signed in…" />;
  const user = me.data?.user ?? null;

  if (!user) {
    return (
      <div className="invitation__choice">
        <p>
          <strong>{view.email}</strong> already has a Sextant account. Sign in as it, then come back
          to this link to join.
        </p>
        <Link
          className="btn btn--primary btn--block"
          to="/login"
          state={{ from: location.pathname }}
        >
          Sign in to accept
        </Link>
      </div>
    );
  }

  if (user.email !== view.email) {
    return (
      <div className="invitation__choice">
        <p>
          You are signed in as <strong>{user.email}</strong>, but this invitation is for{' '}
          <strong>{view.email}</strong>. Sign out, then sign in as {view.email} to accept it.
        </p>
        <button
          type="button"
          className="btn btn--block"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          Sign out
        </button>
      </div>
    );
  }

  return (
    <div className="invitation__choice">
      {join.error ? <ErrorNotice error={join.error} /> : null}
      <p>
        You are signed in as <strong>{user.email}</strong>.
      </p>
      <button
        type="button"
        className="btn btn--primary btn--block"
        disabled={join.isPending}
        onClick={() =>
          join.mutate(undefined, {
            onSuccess: (done) => navigate(landingAfterJoin(done), { replace: true }),
          })
        }
      >
        {join.isPending ? 'Joining…' : `Join ${view.team.name}`}
      </button>
    </div>
  );
}
