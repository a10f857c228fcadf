import {
  CreateUserBody,
  IdParam,
  PageQuery,
  PeopleQuery,
  Person,
  UpdateProfileBody,
  User,
  pageOf,
} from '@sextant/core';
import { access, requireUser } from '../http/access.js';
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

  app.get(
    '/people',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['users'],
        summary:
          'The people page: everyone with their teams, roles, last sign-in and status, filtered by name or email (workspace admins only)',
        security: SIGNED_IN,
        querystring: PeopleQuery,
        response: { 200: pageOf(Person) },
      },
    },
    async (request) => services.users.people(request.query),
  );

  app.post(
    '/users/:id/deactivate',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['users'],
        summary:
          'Deactivate an account: its sessions and API tokens end at once, nothing of it is deleted (workspace admins only; not yourself, not the last admin)',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Person },
      },
    },
    async (request) => services.users.deactivate(request.params.id, request.ctx.actor),
  );

  app.post(
    '/users/:id/reactivate',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['users'],
        summary:
          'Reactivate an account: sign-in works again; its revoked tokens stay revoked (workspace admins only)',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Person },
      },
    },
    async (request) => services.users.reactivate(request.params.id, request.ctx.actor),
  );

  app.patch(
    '/me',
    {
      config: { access: access.user },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name and email; a new email needs your current password',
        security: SIGNED_IN,
        body: UpdateProfileBody,
        response: { 200: User },
      },
    },
    async (request) =>
      services.users.updateProfile(requireUser(request.ctx), request.body, request.ctx.actor),
  );
}
