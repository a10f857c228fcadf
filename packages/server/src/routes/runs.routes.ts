import {
  CreateRunBatchBody,
  CreateRunBody,
  IdParam,
  Run,
  RunBatchResult,
  RunListQuery,
  RunPage,
} from '@sextant/core';
import { access } from '../http/access.js';
import { callerOf, IdempotencyHeaders } from '../http/ci-caller.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** A batch of 1,000 runs with a few metrics each fits; a 10 MB body does not. */
export const RUN_BATCH_BODY_LIMIT = 8 * 1024 * 1024;

export function runRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/runs',
    {
      config: { access: access.project('member', 'runs:write') },
      schema: {
        tags: ['runs'],
        summary:
          'Record a pipeline run: `ci` provenance only with this project’s CI token and CI metadata, else `manual`',
        security: SIGNED_IN,
        params: IdParam,
        headers: IdempotencyHeaders,
        body: CreateRunBody,
        response: { 201: Run },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request, request.ctx);
      const answer = await services.runs.postOne(request.params.id, request.body, caller, {
        route: 'run',
        projectId: request.params.id,
        body: request.body,
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      const [run] = answer.body;
      if (!run) throw new Error('a one-run post answered no run');
      return reply.status(201).send(run);
    },
  );

  app.post(
    '/projects/:id/runs/batch',
    {
      bodyLimit: RUN_BATCH_BODY_LIMIT,
      config: { access: access.project('member', 'runs:write') },
      schema: {
        tags: ['runs'],
        summary:
          'Record up to 1,000 runs in one request (all or nothing); answers each run’s id, URL, provenance and sprint',
        security: SIGNED_IN,
        params: IdParam,
        headers: IdempotencyHeaders,
        body: CreateRunBatchBody,
        response: { 201: RunBatchResult },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request, request.ctx);
      const answer = await services.runs.post(request.params.id, request.body.runs, caller, {
        route: 'batch',
        projectId: request.params.id,
        body: request.body,
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ count: answer.body.length, items: answer.body });
    },
  );

  app.get(
    '/projects/:id/runs',
    {
      config: { access: access.project('viewer') },
      schema: {
        tags: ['runs'],
        summary:
          'The project’s runs, newest first (or by a metric), filtered by provenance, sprint or branch',
        security: SIGNED_IN,
        params: IdParam,
        querystring: RunListQuery,
        response: { 200: RunPage },
      },
    },
    async (request) => services.runs.list(request.params.id, request.query),
  );

  app.get(
    '/runs/:id',
    {
      config: { access: access.run('viewer') },
      schema: {
        tags: ['runs'],
        summary: 'One run, with how it compares to the baseline',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Run },
      },
    },
    async (request) => services.runs.get(request.params.id),
  );
}
