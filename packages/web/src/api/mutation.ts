import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A write after which the queries under `queryKey` are stale, so what shows them is re-read. */
export function useInvalidatingMutation<V, R>(queryKey: QueryKey, write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey }),
  });
}
