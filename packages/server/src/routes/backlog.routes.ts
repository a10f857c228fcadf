import {
  BACKLOG_ORDER_RULE,
  BacklogItem,
  BacklogList,
  CreateBacklogItemBody,
  IdParam,
  UpdateBacklogItemBody,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function backlogRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/projects/:id/backlog',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['backlog'],
        summary:
          'The improvement backlog of error analysis, simplest first (open before closed, then least effort)',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: BacklogList },
      },
    },
    async (request) => ({
      items: await services.backlog.list(request.params.id),
      order: BACKLOG_ORDER_RULE,
    }),
  );

  app.post(
    '/projects/:id/backlog',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['backlog'],
        summary:
          'Add an improvement idea: what the largest errors showed, the change, its effort and expected impact',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateBacklogItemBody,
        response: { 201: BacklogItem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.backlog.create(request.params.id, request.body, request.ctx.actor)),
  );

  app.patch(
    '/backlog/:id',
    {
      config: { access: access.backlogItem('member') },
      schema: {
        tags: ['backlog'],
        summary: 'Change an improvement idea (its status, effort, linked run…)',
        security: SIGNED_IN,
        params: IdParam,
        body: UpdateBacklogItemBody,
        response: { 200: BacklogItem },
      },
    },
    async (request) => services.backlog.update(request.params.id, request.body),
  );

  app.delete(
    '/backlog/:id',
    {
      config: { access: access.backlogItem('member') },
      schema: {
        tags: ['backlog'],
        summary: 'Remove an improvement idea',
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      await services.backlog.delete(request.params.id);
      return reply.status(204).send();
    },
  );
}
