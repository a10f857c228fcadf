import { z } from 'zod';
import { CreateTokenBody, CreatedToken, IdParam, Token } from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function tokenRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/tokens',
    {
      config: { access: access.user },
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal token (acts as you). The secret is shown only in this answer.',
        security: SIGNED_IN,
        body: CreateTokenBody,
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const created = await services.tokens.createPersonal(
        requireUser(request.ctx),
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: access.user },
      schema: {
        tags: ['tokens'],
        summary: 'Your personal tokens (never their secrets)',
        security: SIGNED_IN,
        response: { 200: z.object({ items: z.array(Token) }) },
      },
    },
    async (request) => ({
      items: await services.tokens.listPersonal(requireUser(request.ctx)),
    }),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: access.user },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token: yours, or a CI token of a project whose team you admin',
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      await services.tokens.revoke(request.params.id, requireUser(request.ctx), request.ctx.actor);
      return reply.status(204).send();
    },
  );

  app.post(
    '/projects/:id/ci-tokens',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['tokens'],
        summary:
          'Create a CI token that may only post runs, deployments, feedback and goal measurements to this project',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateTokenBody,
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const created = await services.tokens.createCi(
        request.params.id,
        requireUser(request.ctx),
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/projects/:id/ci-tokens',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['tokens'],
        summary: "The project's CI tokens (never their secrets)",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Token) }) },
      },
    },
    async (request) => ({
      items: await services.tokens.listForProject(request.params.id),
    }),
  );
}
