import { useEffect, useState } from 'react';
import { STAGES } from '@sextant/core';
import type { PortfolioFilters as Filters } from '../../api/keys';
import { healthLabel } from '../../components/HealthBadge';
import { stageLabel } from '../../lib/format';
import { PROJECT_HEALTHS_FOR_FILTER, SORT_LABELS } from './portfolio-text';

interface PortfolioFiltersProps {
  filters: Filters;
  /** Any change of filter or sort goes back to the first page. */
  onChange: (filters: Filters) => void;
}

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
      <label className="filters__item">
        <span className="filters__label">Stage</span>
        <select
          aria-label="Stage"
          value={filters.stage}
          onChange={(e) => onChange({ ...filters, stage: e.target.value, offset: 0 })}
        >
          <option value="">All stages</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span className="filters__label">Health</span>
        <select
          aria-label="Health"
          value={filters.health}
          onChange={(e) => onChange({ ...filters, health: e.target.value, offset: 0 })}
        >
          <option value="">Any health</option>
          {PROJECT_HEALTHS_FOR_FILTER.map((health) => (
            <option key={health} value={health}>
              {healthLabel(health)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span className="filters__label">Sort</span>
        <select
          aria-label="Sort"
          value={filters.sort}
          onChange={(e) =>
            onChange({ ...filters, sort: e.target.value as Filters['sort'], offset: 0 })
          }
        >
          {Object.entries(SORT_LABELS).map(([sort, label]) => (
            <option key={sort} value={sort}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
