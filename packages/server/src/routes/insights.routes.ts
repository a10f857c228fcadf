import {
  CreateInsightBody,
  IdParam,
  Insight,
  InsightListQuery,
  InsightPage,
  UpdateInsightBody,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function insightRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/projects/:id/insights',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['insights'],
        summary:
          'Actionable insights, newest first (filter by status and business area), with the KPIs per month and quarter',
        security: SIGNED_IN,
        params: IdParam,
        querystring: InsightListQuery,
        response: { 200: InsightPage },
      },
    },
    async (request) => services.insights.list(request.params.id, request.query),
  );

  app.post(
    '/projects/:id/insights',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['insights'],
        summary:
          'Propose an actionable insight: a business recommendation with its area and estimated value',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateInsightBody,
        response: { 201: Insight },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.insights.create(request.params.id, request.body, request.ctx.actor)),
  );

  app.patch(
    '/insights/:id',
    {
      config: { access: access.insight('member') },
      schema: {
        tags: ['insights'],
        summary:
          'Change an insight, or move it: proposed → accepted → implemented, proposed or accepted → rejected',
        security: SIGNED_IN,
        params: IdParam,
        body: UpdateInsightBody,
        response: { 200: Insight },
      },
    },
    async (request) => services.insights.update(request.params.id, request.body),
  );
}
