import { CreateUserBody, PageQuery, User, pageOf } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function userRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/users',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['users'],
        summary: 'Create an account (workspace admins only)',
        security: SIGNED_IN,
        body: CreateUserBody,
        response: { 201: User },
      },
    },
    async (request, reply) => {
      const user = await services.users.create(request.body, request.ctx.actor);
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['users'],
        summary: 'List accounts, newest first (workspace admins only)',
        security: SIGNED_IN,
        querystring: PageQuery,
        response: { 200: pageOf(User) },
      },
    },
    async (request) => {
      return services.users.list(request.query);
    },
  );
}
