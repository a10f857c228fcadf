import type { ComponentProps, ReactNode } from 'react';
import { EmptyState, ErrorNotice, Loading } from './Feedback';
import { LoadMore } from './LoadMore';

interface ListStateProps<Data> {
  /** The list's query. */
  query: {
    isPending: boolean;
    isError: boolean;
    data: Data | undefined;
    error: unknown;
    refetch: () => unknown;
  };
  /** What the loading line says ("Loading runs…"); Loading's own words if not given. */
  loading?: string;
  /**
   * An infinite list in a card: its error sits in the card's body, and the pages already loaded
   * stay on screen when a refetch fails.
   */
  paged?: boolean;
  /** The loaded list has nothing to show… */
  isEmpty?: boolean;
  /** …and this is shown instead (an empty state, how rows arrive, or nothing). */
  empty?: ReactNode;
  /** The list itself, once loaded and not empty. */
  children: (data: Data) => ReactNode;
}

/** A list while it loads, when it failed (with a retry), when it is empty, and once it has rows. */
export function ListState<Data>({
  query,
  loading,
  paged = false,
  isEmpty = false,
  empty,
  children,
}: ListStateProps<Data>) {
  if (query.isPending) return <Loading label={loading} />;
  const data = query.data;
  if (data === undefined || (query.isError && !paged)) {
    const notice = <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
    return paged ? <div className="card__body">{notice}</div> : notice;
  }
  return <>{isEmpty ? empty : children(data)}</>;
}

interface PagedListStateProps {
  /** The list's infinite query, a page of items at a time. */
  query: ListStateProps<{ pages: { items: readonly unknown[] }[] }>['query'] &
    ComponentProps<typeof LoadMore>['query'];
  /** What the loading line says ("Loading runs…"). */
  loading: string;
  /** What shows when no page has an item: an empty state, or how items arrive. */
  empty: ReactNode;
  /** Show why the next page failed, under the Load more button. */
  withError?: boolean;
  /** The items loaded so far (the table). */
  children: ReactNode;
}

/** An infinite list in a card: ListState's states, then the items loaded and Load more. */
export function PagedListState({
  query,
  loading,
  empty,
  withError,
  children,
}: PagedListStateProps) {
  return (
    <ListState
      query={query}
      loading={loading}
      paged
      isEmpty={query.data?.pages.every((page) => page.items.length === 0)}
      empty={empty}
    >
      {() => (
        <>
          {children}
          <LoadMore query={query} withError={withError} />
        </>
      )}
    </ListState>
  );
}

/** A filtered list with no row: says so, with the button that lifts the filters. */
export function NoMatch({
  title,
  onClear,
  clear = 'Clear filters',
}: {
  title: string;
  onClear: () => void;
  /** The button's words. */
  clear?: string;
}) {
  return (
    <EmptyState
      title={title}
      action={
        <button type="button" className="btn" onClick={onClear}>
          {clear}
        </button>
      }
    />
  );
}
