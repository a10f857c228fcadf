import { EmptyState } from '../../components/Feedback';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        title="This page does not exist"
        link={{ to: '/projects', label: 'Go to projects' }}
      >
        <p>The link may be old, or the address mistyped.</p>
      </EmptyState>
    </div>
  );
}
