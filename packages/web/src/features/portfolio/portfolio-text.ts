import { PORTFOLIO_SORTS, type ProjectHealth } from '@sextant/core';
import type { PortfolioFilters } from '../../api/keys';

/** Worst first, as the health sort puts them. */
export const PROJECT_HEALTHS_FOR_FILTER: readonly ProjectHealth[] = ['red', 'amber', 'green'];

export const SORT_LABELS: Record<PortfolioFilters['sort'], string> = {
  health: 'Health, worst first',
  name: 'Name',
  stage: 'Stage',
  newest: 'Newest first',
};

function isSort(value: string | null): value is PortfolioFilters['sort'] {
  return (PORTFOLIO_SORTS as readonly string[]).includes(value ?? '');
}

/** The filters as kept in the address (`?stage=poc&health=red&q=churn&sort=name&offset=25`). */
export function filtersFrom(params: URLSearchParams): PortfolioFilters {
  const sort = params.get('sort');
  const offset = Number(params.get('offset'));
  return {
    stage: params.get('stage') ?? '',
    health: params.get('health') ?? '',
    teamId: params.get('team') ?? '',
    q: params.get('q') ?? '',
    sort: isSort(sort) ? sort : 'health',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function filtersToParams(filters: PortfolioFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.stage) out.set('stage', filters.stage);
  if (filters.health) out.set('health', filters.health);
  if (filters.teamId) out.set('team', filters.teamId);
  if (filters.q) out.set('q', filters.q);
  if (filters.sort !== 'health') out.set('sort', filters.sort);
  if (filters.offset > 0) out.set('offset', String(filters.offset));
  return out;
}
