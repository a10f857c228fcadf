import { useEffect, useState } from 'react';
import { STAGES } from '@sextant/core';
import type { PortfolioFilters as Filters } from '../../api/keys';
import { healthLabel } from '../../components/HealthBadge';
import { stageLabel } from '../../lib/format';
import { PROJECT_HEALTHS_FOR_FILTER, SORT_LABELS } from './portfolio-text';
import {
  FilterSelect,
  FilterSelects,
  labelOptions,
  type FilterChoice,
} from '../../components/FilterSelect';

interface PortfolioFiltersProps {
  filters: Filters;
  /** Any change of filter or sort goes back to the first page. */
  onChange: (filters: Filters) => void;
}

/** The stage and health filters. */
const CHOICES: FilterChoice<'stage' | 'health'>[] = [
  {
    key: 'stage',
    label: 'Stage',
    all: 'All stages',
    options: STAGES.map((stage) => [stage, stageLabel(stage)] as const),
  },
  {
    key: 'health',
    label: 'Health',
    all: 'Any health',
    options: PROJECT_HEALTHS_FOR_FILTER.map((health) => [health, healthLabel(health)] as const),
  },
];

/** Stage, health, words in the project or team name, and the order. */
export function PortfolioFilters({ filters, onChange }: PortfolioFiltersProps) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  // Typing settles for a moment before the list is asked again.
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q, offset: 0 }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <div className="filters" role="group" aria-label="Filter the portfolio">
      <label className="filters__item">
        <span className="filters__label">Search</span>
        <input
          className="filters__text"
          type="search"
          placeholder="Project or team"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      <FilterSelects
        choices={CHOICES}
        filters={filters}
        onChange={onChange}
        also={{ offset: 0 }}
        named
      />
      <FilterSelect
        label="Sort"
        selectLabel="Sort"
        value={filters.sort}
        options={labelOptions(SORT_LABELS)}
        onChange={(sort) => onChange({ ...filters, sort, offset: 0 })}
      />
    </div>
  );
}
