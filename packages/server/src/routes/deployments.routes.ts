import {
  CreateDeploymentBody,
  Deployment,
  DeploymentKpis,
  DeploymentListQuery,
  DeploymentPage,
  IdParam,
} from '@sextant/core';
import { access } from '../http/access.js';
import { callerOf, IdempotencyHeaders } from '../http/ci-caller.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function deploymentRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/deployments',
    {
      config: { access: access.project('member', 'deployments:write') },
      schema: {
        tags: ['deployments'],
        summary:
          'Record a deployment: `ci` provenance only with this project’s CI token and CI metadata, else `manual`',
        security: SIGNED_IN,
        params: IdParam,
        headers: IdempotencyHeaders,
        body: CreateDeploymentBody,
        response: { 201: Deployment },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request, request.ctx);
      const answer = await services.deployments.recordDeployment(
        request.params.id,
        request.body,
        caller,
        { route: 'deployment', projectId: request.params.id, body: request.body },
      );
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(answer.body);
    },
  );

  app.get(
    '/projects/:id/deployments',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['deployments'],
        summary: 'The project’s deployments, newest first, filtered by environment or status',
        security: SIGNED_IN,
        params: IdParam,
        querystring: DeploymentListQuery,
        response: { 200: DeploymentPage },
      },
    },
    async (request) => services.deployments.list(request.params.id, request.query),
  );

  app.get(
    '/projects/:id/deployments/kpis',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['deployments'],
        summary:
          'Deployment KPIs: production deployments per month and week, deployment days per week, days since the last one, change failure rate, lead time — each with its rule',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: DeploymentKpis },
      },
    },
    async (request) => services.deployments.kpis(request.params.id),
  );
}
