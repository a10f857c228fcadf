import { useEffect, useState } from 'react';
import type { RunFilters as Filters } from '../../api/keys';

interface RunFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Metrics to sort by: the success metric first, then those the loaded runs report. */
  metricNames: string[];
  /** Branches seen so far, offered as suggestions. */
  branches: string[];
}

/** Milliseconds of quiet typing before the branch filter is applied. */
const BRANCH_DELAY = 350;

export function RunFilters({ filters, onChange, metricNames, branches }: RunFiltersProps) {
  const [branch, setBranch] = useState(filters.branch);
  // The address may change the branch (back button, "Clear filters"): follow it.
  useEffect(() => setBranch(filters.branch), [filters.branch]);
  useEffect(() => {
    if (branch.trim() === filters.branch) return undefined;
    const timer = setTimeout(() => onChange({ ...filters, branch: branch.trim() }), BRANCH_DELAY);
    return () => clearTimeout(timer);
  }, [branch, filters, onChange]);

  return (
    <div className="filters" role="group" aria-label="Filter and sort runs">
      <label className="filters__item">
        <span className="filters__label">Provenance</span>
        <select
          value={filters.provenance}
          onChange={(e) =>
            onChange({ ...filters, provenance: e.target.value as Filters['provenance'] })
          }
        >
          <option value="">CI and manual</option>
          <option value="ci">CI only</option>
          <option value="manual">Manual only</option>
        </select>
      </label>
      <label className="filters__item">
        <span className="filters__label">Branch</span>
        <input
          className="filters__text"
          type="search"
          value={branch}
          list="run-branches"
          placeholder="Any branch"
          onChange={(e) => setBranch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ ...filters, branch: branch.trim() });
          }}
        />
        <datalist id="run-branches">
          {branches.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      </label>
      <label className="filters__item">
        <span className="filters__label">Sort by</span>
        <select
          value={filters.sortMetric}
          onChange={(e) => onChange({ ...filters, sortMetric: e.target.value })}
        >
          <option value="">Newest first</option>
          {metricNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {filters.sortMetric ? (
        <label className="filters__item">
          <span className="filters__label">Order</span>
          <select
            value={filters.order}
            onChange={(e) => onChange({ ...filters, order: e.target.value as Filters['order'] })}
          >
            <option value="desc">Highest first</option>
            <option value="asc">Lowest first</option>
          </select>
        </label>
      ) : null}
    </div>
  );
}
