import { Link } from 'react-router';
import { EmptyState } from '../../components/Feedback';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        title="This page does not exist"
        action={
          <Link className="btn btn--primary" to="/projects">
            Go to projects
          </Link>
        }
      >
        <p>The link may be old, or the address mistyped.</p>
      </EmptyState>
    </div>
  );
}
