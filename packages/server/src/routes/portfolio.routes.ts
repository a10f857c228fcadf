import { Portfolio, PortfolioQuery } from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function portfolioRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/portfolio',
    {
      config: { access: access.user },
      schema: {
        tags: ['portfolio'],
        summary:
          'Every project the caller may see with stage, health, goal progress, last sprint success, deployments, insights and ROI; workspace figures (share that reached production, per stage, ROI); filter, sort, paged',
        security: SIGNED_IN,
        querystring: PortfolioQuery,
        response: { 200: Portfolio },
      },
    },
    async (request) => services.portfolio.portfolio(requireUser(request.ctx).id, request.query),
  );
}
