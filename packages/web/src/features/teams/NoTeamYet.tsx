import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/Feedback';

/** Where a page lists a team's things and the reader is in no team: create one first. */
export function NoTeamYet({
  primary = true,
  children,
}: {
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <EmptyState
      title="You are not in a team yet"
      action={
        <Link to="/teams" className={primary ? 'btn btn--primary' : 'btn'}>
          Create a team
        </Link>
      }
    >
      {children}
    </EmptyState>
  );
}
