import { Delivery, IdParam } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function deliveryRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/projects/:id/delivery',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['delivery'],
        summary:
          'Delivery KPIs: sprint success rate (count and points), per-person delivery, team trend, carry-over rate, early warnings; rates are 0..1',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Delivery },
      },
    },
    async (request) => services.delivery.delivery(request.params.id),
  );
}
