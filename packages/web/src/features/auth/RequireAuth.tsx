import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth';
import { isApiError } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/Feedback';

/** Sends anyone not signed in to the login page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return (
        <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />
      );
    }
    return (
      <div className="page-center">
        <ErrorNotice
          title="Sextant could not load your account"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  if (!me.data.user) {
    return (
      <div className="page-center">
        <ErrorNotice error={new Error('This page is for people; CI tokens cannot sign in here.')} />
      </div>
    );
  }
  return <>{children}</>;
}
