import { z } from 'zod';
import {
  CreateGoalBody,
  CreateGoalMeasurementBody,
  Goal,
  GoalMeasurement,
  GoalMeasurements,
  GoalParams,
  IdParam,
  UpdateGoalBody,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function goalRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/goals',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['goals'],
        summary:
          'Add a quantifiable goal; an ambiguous one is refused (422) naming what is missing',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateGoalBody,
        response: { 201: Goal },
      },
    },
    async (request, reply) => {
      const goal = await services.goals.create(request.params.id, request.body, request.ctx.actor);
      return reply.status(201).send(goal);
    },
  );

  app.get(
    '/projects/:id/goals',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['goals'],
        summary: "The project's goals",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Goal) }) },
      },
    },
    async (request) => ({
      items: await services.goals.list(request.params.id),
    }),
  );

  app.patch(
    '/projects/:id/goals/:goalId',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['goals'],
        summary: 'Change a goal; the result must still be quantifiable',
        security: SIGNED_IN,
        params: GoalParams,
        body: UpdateGoalBody,
        response: { 200: Goal },
      },
    },
    async (request) =>
      services.goals.update(request.params.id, request.params.goalId, request.body),
  );

  app.delete(
    '/projects/:id/goals/:goalId',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['goals'],
        summary: 'Remove a goal',
        security: SIGNED_IN,
        params: GoalParams,
      },
    },
    async (request, reply) => {
      await services.goals.delete(request.params.id, request.params.goalId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/goals/:id/measurements',
    {
      config: { access: access.goal('member', 'goals:write') },
      schema: {
        tags: ['goals'],
        summary:
          "Record a measurement of the goal's own metric: `ci` provenance with this project's CI token, else `manual`",
        security: SIGNED_IN,
        params: IdParam,
        body: CreateGoalMeasurementBody,
        response: { 201: GoalMeasurement },
      },
    },
    async (request, reply) => {
      const measurement = await services.goals.addMeasurement(request.params.id, request.body, {
        actor: request.ctx.actor,
        ci: request.principal.kind === 'ci',
      });
      return reply.status(201).send(measurement);
    },
  );

  app.get(
    '/goals/:id/measurements',
    {
      config: { access: access.goal('viewer') },
      schema: {
        tags: ['goals'],
        summary:
          "The goal's measurements, oldest first, with its progress and pace against the deadline",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: GoalMeasurements },
      },
    },
    async (request) => services.goals.measurements(request.params.id),
  );
}
