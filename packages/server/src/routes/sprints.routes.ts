import { z } from 'zod';
import {
  CloseSprintBody,
  CloseSprintResult,
  CreateSprintBody,
  IdParam,
  Sprint,
  SprintDetail,
  UpdateSprintBody,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function sprintRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/sprints',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['sprints'],
        summary:
          'Plan a sprint: 1 to 4 weeks (5–28 days), never overlapping another of the project',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateSprintBody,
        response: { 201: Sprint },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.sprints.create(request.params.id, request.body)),
  );

  app.get(
    '/projects/:id/sprints',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['sprints'],
        summary: "The project's sprints in calendar order, with story counts by status",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Sprint) }) },
      },
    },
    async (request) => ({
      items: await services.sprints.list(request.params.id),
    }),
  );

  app.get(
    '/sprints/:id',
    {
      config: { access: access.sprint('viewer') },
      schema: {
        tags: ['sprints'],
        summary: 'A sprint with its stories in order',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: SprintDetail },
      },
    },
    async (request) => services.sprints.detail(request.params.id),
  );

  app.patch(
    '/sprints/:id',
    {
      config: { access: access.sprint('member') },
      schema: {
        tags: ['sprints'],
        summary:
          'Rename, re-goal or re-date a sprint (an active one keeps its start; a closed one is frozen)',
        security: SIGNED_IN,
        params: IdParam,
        body: UpdateSprintBody,
        response: { 200: Sprint },
      },
    },
    async (request) => services.sprints.update(request.params.id, request.body),
  );

  app.post(
    '/sprints/:id/start',
    {
      config: { access: access.sprint('member') },
      schema: {
        tags: ['sprints'],
        summary: 'Start a planned sprint: its stories become the commitment',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Sprint },
      },
    },
    async (request) => services.sprints.start(request.params.id, request.ctx.actor),
  );

  app.post(
    '/sprints/:id/close',
    {
      config: { access: access.sprint('member') },
      schema: {
        tags: ['sprints'],
        summary:
          'Close the active sprint: done stories are delivered, the others not; carryOver copies not-delivered stories into the next sprint',
        security: SIGNED_IN,
        params: IdParam,
        body: CloseSprintBody,
        response: { 200: CloseSprintResult },
      },
    },
    async (request) => services.sprints.close(request.params.id, request.body, request.ctx.actor),
  );
}
