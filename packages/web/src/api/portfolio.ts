import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Portfolio } from '@sextant/core';
import { api } from './client';
import { keys, type PortfolioFilters } from './keys';

export const PORTFOLIO_PAGE_SIZE = 25;

/** One page of the portfolio (projects with health and KPIs) and the workspace's figures. */
export function usePortfolio(filters: PortfolioFilters) {
  return useQuery({
    queryKey: keys.portfolio(filters),
    queryFn: ({ signal }) =>
      api.get<Portfolio>(
        '/portfolio',
        {
          stage: filters.stage,
          health: filters.health,
          teamId: filters.teamId,
          q: filters.q.trim(),
          sort: filters.sort,
          limit: PORTFOLIO_PAGE_SIZE,
          offset: filters.offset,
        },
        signal,
      ),
    // Paging and filtering keep the last page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}
