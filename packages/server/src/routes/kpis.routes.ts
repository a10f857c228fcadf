import { IdParam, ProjectKpis } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function kpiRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/projects/:id/kpis',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['kpis'],
        summary:
          'Every KPI family of the project (goal, delivery, runs, deployments, artifacts, insights, ROI) with its open alerts and health; rates are 0..1, money carries its currency',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: ProjectKpis },
      },
    },
    async (request) => services.projectKpis.kpis(request.params.id),
  );
}
