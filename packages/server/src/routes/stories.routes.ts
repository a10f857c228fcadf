import { z } from 'zod';
import { CorrectStoryBody, CreateStoryBody, IdParam, Story, UpdateStoryBody } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function storyRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/sprints/:id/stories',
    {
      config: { access: access.sprint('member') },
      schema: {
        tags: ['stories'],
        summary: 'Add a story with its tangible deliverable (type and what exactly is handed over)',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateStoryBody,
        response: { 201: Story },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.stories.create(request.params.id, request.body)),
  );

  app.get(
    '/sprints/:id/stories',
    {
      config: { access: access.sprint('viewer') },
      schema: {
        tags: ['stories'],
        summary: "The sprint's stories in order",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Story) }) },
      },
    },
    async (request) => ({
      items: await services.stories.list(request.params.id),
    }),
  );

  app.patch(
    '/stories/:id',
    {
      config: { access: access.story('member') },
      schema: {
        tags: ['stories'],
        summary:
          "Change a story (status, assignee, points, order…); a closed sprint's stories answer 409",
        security: SIGNED_IN,
        params: IdParam,
        body: UpdateStoryBody,
        response: { 200: Story },
      },
    },
    async (request) => services.stories.update(request.params.id, request.body),
  );

  app.delete(
    '/stories/:id',
    {
      config: { access: access.story('member') },
      schema: {
        tags: ['stories'],
        summary:
          'Remove a story (not one committed at the start of the active sprint, nor a closed sprint’s)',
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      await services.stories.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/stories/:id/corrections',
    {
      config: { access: access.story('admin') },
      schema: {
        tags: ['stories'],
        summary:
          "Correct a closed sprint's recorded outcome, with the reason (team admins; audited)",
        security: SIGNED_IN,
        params: IdParam,
        body: CorrectStoryBody,
        response: { 200: Story },
      },
    },
    async (request) => services.stories.correct(request.params.id, request.body, request.ctx.actor),
  );
}
