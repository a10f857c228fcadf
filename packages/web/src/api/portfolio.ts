import type { Portfolio } from '@sextant/core';
import { useListPage } from './query';
import { keys, type PortfolioFilters } from './keys';

export const PORTFOLIO_PAGE_SIZE = 25;

/** One page of the portfolio (projects with health and KPIs) and the workspace's figures. */
export function usePortfolio(filters: PortfolioFilters) {
  return useListPage<Portfolio>(keys.portfolio(filters), '/portfolio', {
    stage: filters.stage,
    health: filters.health,
    teamId: filters.teamId,
    q: filters.q.trim(),
    sort: filters.sort,
    limit: PORTFOLIO_PAGE_SIZE,
    offset: filters.offset,
  });
}
