import { useEffect, useState } from 'react';
import type { RunFilters as Filters } from '../../api/keys';
import { FilterSelect, asOptions } from '../../components/FilterSelect';

interface RunFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Metrics to sort by: the success metric first, then those the loaded runs report. */
  metricNames: string[];
  /** Branches seen so far, offered as suggestions. */
  branches: string[];
}

const PROVENANCES = [
  ['ci', 'CI only'],
  ['manual', 'Manual only'],
] as const;

const ORDERS = [
  ['desc', 'Highest first'],
  ['asc', 'Lowest first'],
] as const;

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
      <FilterSelect
        label="Provenance"
        all="CI and manual"
        value={filters.provenance}
        options={PROVENANCES}
        onChange={(provenance) => onChange({ ...filters, provenance })}
      />
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
      <FilterSelect
        label="Sort by"
        all="Newest first"
        value={filters.sortMetric}
        options={asOptions(metricNames)}
        onChange={(sortMetric) => onChange({ ...filters, sortMetric })}
      />
      {filters.sortMetric ? (
        <FilterSelect
          label="Order"
          value={filters.order}
          options={ORDERS}
          onChange={(order) => onChange({ ...filters, order })}
        />
      ) : null}
    </div>
  );
}
