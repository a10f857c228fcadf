import { z } from 'zod';
import { ChangeStageBody, IdParam, StageChange } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function stageRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/stage',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['stage'],
        summary:
          'Move the project to another stage; a refused forward move lists every unmet gate (422)',
        security: SIGNED_IN,
        params: IdParam,
        body: ChangeStageBody,
        response: { 201: StageChange },
      },
    },
    async (request, reply) => {
      const change = await services.stages.change(
        request.params.id,
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(change);
    },
  );

  app.get(
    '/projects/:id/stage-history',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['stage'],
        summary: 'Every stage change, oldest first, with who, when and why',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(StageChange) }) },
      },
    },
    async (request) => ({
      items: await services.stages.history(request.params.id),
    }),
  );
}
