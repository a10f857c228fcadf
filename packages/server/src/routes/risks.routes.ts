import { z } from 'zod';
import { CreateRiskBody, IdParam, Risk, RiskParams, UpdateRiskBody } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function riskRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/risks',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['risks'],
        summary: 'Record a disruption or reorganisation risk',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateRiskBody,
        response: { 201: Risk },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.risks.create(request.params.id, request.body)),
  );

  app.get(
    '/projects/:id/risks',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['risks'],
        summary: "The project's risk register",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Risk) }) },
      },
    },
    async (request) => ({ items: await services.risks.list(request.params.id) }),
  );

  app.patch(
    '/projects/:id/risks/:riskId',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['risks'],
        summary: 'Change a risk (its status, mitigation, owner…)',
        security: SIGNED_IN,
        params: RiskParams,
        body: UpdateRiskBody,
        response: { 200: Risk },
      },
    },
    async (request) =>
      services.risks.update(request.params.id, request.params.riskId, request.body),
  );

  app.delete(
    '/projects/:id/risks/:riskId',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['risks'],
        summary: 'Remove a risk',
        security: SIGNED_IN,
        params: RiskParams,
      },
    },
    async (request, reply) => {
      await services.risks.delete(request.params.id, request.params.riskId);
      return reply.status(204).send();
    },
  );
}
