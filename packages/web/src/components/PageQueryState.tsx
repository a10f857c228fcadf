import type { ReactNode } from 'react';
import { isApiError } from '../api/errors';
import { ErrorNotice, Loading } from './Feedback';

interface PageQueryStateProps {
  /** The query the page shows, while it has no data: pending or failed. */
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  /** What the loading line says ("Loading project…"). */
  loading: string;
  /** What a 404 shows: the thing does not exist, or is not the reader's to see. */
  notFound: ReactNode;
}

/** A whole page while its query has no data: loading, not found, or the error with a retry. */
export function PageQueryState({ query, loading, notFound }: PageQueryStateProps) {
  return (
    <div className="page">
      {query.isPending ? (
        <Loading label={loading} />
      ) : isApiError(query.error) && query.error.status === 404 ? (
        notFound
      ) : (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      )}
    </div>
  );
}
