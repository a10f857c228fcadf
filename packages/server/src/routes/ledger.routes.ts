import {
  CreateLedgerEntryBody,
  IdParam,
  LedgerEntry,
  LedgerListQuery,
  LedgerPage,
  RoiResponse,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function ledgerRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/projects/:id/ledger',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['roi'],
        summary: 'The ROI ledger: costs and returns by day, newest first, with the ROI summary',
        security: SIGNED_IN,
        params: IdParam,
        querystring: LedgerListQuery,
        response: { 200: LedgerPage },
      },
    },
    async (request) => services.ledger.list(request.params.id, request.query),
  );

  app.post(
    '/projects/:id/ledger',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['roi'],
        summary:
          'Record a cost (people — amount or days × rate —, infrastructure, licences, other) or a return (savings, revenue, avoided loss, other)',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateLedgerEntryBody,
        response: { 201: LedgerEntry },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.ledger.create(request.params.id, request.body, request.ctx.actor)),
  );

  app.get(
    '/projects/:id/roi',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['roi'],
        summary:
          'Return on investment with and without estimated returns, cumulative curves by month and the projected break-even',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: RoiResponse },
      },
    },
    async (request) => services.ledger.roi(request.params.id),
  );
}
