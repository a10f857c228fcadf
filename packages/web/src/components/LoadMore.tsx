import { ErrorNotice } from './Feedback';

interface LoadMoreProps {
  /** An infinite query's paging state. */
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    error: unknown;
    fetchNextPage: () => unknown;
  };
  /** Show why the next page failed, under the button. */
  withError?: boolean;
}

/** A list card's footer that fetches the next page while there is one. */
export function LoadMore({ query, withError = false }: LoadMoreProps) {
  return (
    <>
      {query.hasNextPage ? (
        <div className="card__footer">
          <button
            type="button"
            className="btn"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
      {withError && query.isFetchNextPageError ? (
        <div className="card__body">
          <ErrorNotice error={query.error} />
        </div>
      ) : null}
    </>
  );
}
