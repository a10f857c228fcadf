import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address, so a filtered view can be shared and survives reload. A local
 * copy answers the controls at once; the router updates the address after. `read` and `write`
 * turn the query string into filters and back; keep them stable (module-level functions).
 */
export function useAddressFilters<F>(
  read: (params: URLSearchParams) => F,
  write: (filters: F) => URLSearchParams,
): [F, (next: F) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const [filters, setLocal] = useState(() => read(params));
  useEffect(() => setLocal(read(new URLSearchParams(search))), [read, search]);
  const setFilters = useCallback(
    (next: F) => {
      setLocal(next);
      setParams(write(next), { replace: true });
    },
    [setParams, write],
  );
  return [filters, setFilters];
}
