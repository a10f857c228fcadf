import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@sextant/core';
import { api, type RequestOptions } from './client';

/** A GET under its query key, cancelled when the query is. */
export function useGet<T>(queryKey: QueryKey, path: string, query?: RequestOptions['query']) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<T>(path, query, signal),
  });
}

/** A GET of `{ items }`, selected down to the items. */
export function useItems<T>(queryKey: QueryKey, path: string) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<{ items: T[] }>(path, undefined, signal),
    select: (data) => data.items,
  });
}

/**
 * A GET of one page of a filtered or sorted list: paging and filtering keep the last page on
 * screen until the next one arrives.
 */
export function useListPage<T>(queryKey: QueryKey, path: string, query: RequestOptions['query']) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<T>(path, query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * A list read a page at a time ("Load more"), each page after the cursor the last one gave:
 * `query` is a page's parameters, given its cursor (null for the first page).
 */
export function useCursorPages<T>(
  queryKey: QueryKey,
  path: string,
  query: (cursor: string | null) => RequestOptions['query'],
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, query(pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
