import { useEffect, useState } from 'react';
import type { PeopleFilters as Filters } from '../../api/keys';
import { FilterSelect, labelOptions } from '../../components/FilterSelect';

const SORTS: Record<Filters['sort'], string> = {
  name: 'Name',
  email: 'Email',
  lastSignIn: 'Last sign-in',
  created: 'Newest account',
};

/** Waits this long after the last keystroke before filtering. */
const TYPING_PAUSE_MS = 250;

interface PeopleFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** The people page's filter bar: a piece of a name or email, and the order. */
export function PeopleFilters({ filters, onChange }: PeopleFiltersProps) {
  const [q, setQ] = useState(filters.q);
  // The address changed (back, a cleared search): show its search, unless it is what is typed.
  useEffect(() => setQ((typed) => (typed.trim() === filters.q ? typed : filters.q)), [filters.q]);
  useEffect(() => {
    if (q.trim() === filters.q.trim()) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: q.trim() }), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <div className="filters" role="group" aria-label="Filter people">
      <label className="filters__item people-filters__search">
        <span className="filters__label">Find</span>
        <input
          className="filters__text"
          type="search"
          value={q}
          placeholder="Name or email"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ ...filters, q: q.trim() });
          }}
        />
      </label>
      <FilterSelect
        label="Sort by"
        value={filters.sort}
        options={labelOptions(SORTS)}
        onChange={(sort) => onChange({ ...filters, sort })}
      />
    </div>
  );
}
