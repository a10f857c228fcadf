import { IdParam, PutSuccessCriterionBody, SuccessCriterion } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function successCriterionRoutes(app: App, { services }: RouteDeps): void {
  app.put(
    '/projects/:id/success-criterion',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['success criterion'],
        summary:
          'Set the model metric the sponsor accepts, its threshold, evaluation strategy and value model',
        security: SIGNED_IN,
        params: IdParam,
        body: PutSuccessCriterionBody,
        response: { 200: SuccessCriterion },
      },
    },
    async (request) => services.criteria.put(request.params.id, request.body, request.ctx.actor),
  );

  app.get(
    '/projects/:id/success-criterion',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['success criterion'],
        summary: "The project's success criterion (404 until one is set)",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: SuccessCriterion },
      },
    },
    async (request) => services.criteria.get(request.params.id),
  );
}
