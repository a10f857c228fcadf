import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';

/** A write after which the queries under `queryKey` are stale, so what shows them is re-read. */
export function useInvalidatingMutation<V, R>(queryKey: QueryKey, write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey }),
  });
}

/** A POST of the mutation's variables as the body to `path`; then `queryKey` is re-read. */
export function usePostMutation<R, B>(queryKey: QueryKey, path: string) {
  return useInvalidatingMutation(queryKey, (body: B) => api.post<R>(path, body));
}

/**
 * A PATCH of `{ [idName]: id, body }`: `body` to `path(id)`; then `queryKey` is re-read.
 * `idName` is the variables' name for the id (`riskId`, `itemId`…).
 */
export function usePatchMutation<R, B, IdName extends string>(
  queryKey: QueryKey,
  idName: IdName,
  path: (id: string) => string,
) {
  return useInvalidatingMutation(queryKey, (vars: Record<IdName, string> & { body: B }) =>
    api.patch<R>(path(vars[idName]), vars.body),
  );
}

/** A DELETE of `path(id)`, the id being the mutation's variables; then `queryKey` is re-read. */
export function useDeleteMutation(queryKey: QueryKey, path: (id: string) => string) {
  return useInvalidatingMutation(queryKey, (id: string) => api.delete(path(id)));
}
