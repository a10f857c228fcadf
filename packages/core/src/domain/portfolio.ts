/** How the portfolio may be ordered; `health` puts red first, then amber, then green. */
export const PORTFOLIO_SORTS = ['name', 'health', 'stage', 'newest'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
