import { useQuery, type QueryKey } from '@tanstack/react-query';
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
