import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isCalendarDate } from '@sextant/core';
import type { AuditFilters } from '../../api/audit';

/** No filter: the whole log. */
export const NO_AUDIT_FILTERS: AuditFilters = {
  person: '',
  action: '',
  project: '',
  from: '',
  to: '',
};

const KEYS = Object.keys(NO_AUDIT_FILTERS) as (keyof AuditFilters)[];

/** The filters in an address; a day that is not a calendar day written YYYY-MM-DD is left out. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const read = (key: keyof AuditFilters) => params.get(key)?.trim() ?? '';
  const day = (key: 'from' | 'to') => (isCalendarDate(read(key)) ? read(key) : '');
  return {
    person: read('person'),
    action: read('action'),
    project: read('project'),
    from: day('from'),
    to: day('to'),
  };
}

/** The filters as address parameters, the empty ones left out. */
export function auditSearch(filters: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) out.set(key, filters[key]);
  return out;
}

/** The audit page's filters live in the address, so a filtered log can be shared and reloaded. */
export function useAuditAddress() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => auditFiltersFrom(new URLSearchParams(search)), [search]);
  const write = useCallback(
    (next: AuditFilters) => setParams(auditSearch(next), { replace: true }),
    [setParams],
  );
  return { filters, write };
}
