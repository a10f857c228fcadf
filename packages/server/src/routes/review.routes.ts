import { CreateDecisionBody, IdParam, SprintDecision, SprintReview } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function reviewRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/sprints/:id/review',
    {
      config: { access: access.sprint('viewer') },
      schema: {
        tags: ['review'],
        summary:
          'The sprint review: best CI value per sprint, baseline, threshold, current-process bar, goal, forecast and decision',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: SprintReview },
      },
    },
    async (request) => services.reviews.review(request.params.id),
  );

  app.post(
    '/sprints/:id/decision',
    {
      config: { access: access.sprint('member') },
      schema: {
        tags: ['review'],
        summary:
          'Record the review decision: continue, objectives_met (opens the way to productization) or drop (moves the project to dropped)',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateDecisionBody,
        response: { 201: SprintDecision },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.reviews.decide(request.params.id, request.body, request.ctx.actor)),
  );
}
