import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppError,
  CreateRunBatchBody,
  CreateRunBody,
  IdParam,
  Run,
  RunBatchResult,
  RunListQuery,
  RunPage,
} from '@sextant/core';
import { access, type AccessContext } from '../http/access.js';
import type { RunCaller } from '../services/runs.service.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** A batch of 1,000 runs with a few metrics each fits; a 10 MB body does not. */
export const RUN_BATCH_BODY_LIMIT = 8 * 1024 * 1024;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Same key and body within 24 h replays the first answer; same key, other body: 422'),
});

/** Who is posting, for provenance, attribution and the scope of idempotency keys. */
function callerOf(request: FastifyRequest, ctx: AccessContext): RunCaller {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : null;
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      'invalid_request',
      'Idempotency-Key: must be 1 to 200 visible ASCII characters (a UUID is a good key).',
      { field: 'Idempotency-Key' },
    );
  }
  const { principal, actor } = ctx;
  const scope =
    actor.tokenId !== null ? `token:${actor.tokenId}` : `user:${actor.userId ?? 'anonymous'}`;
  return {
    actor,
    ciProjectId: principal.kind === 'ci' ? principal.projectId : null,
    idempotencyScope: scope,
    idempotencyKey: key,
  };
}

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
        summary: 'Record up to 1,000 runs in one request (all or nothing)',
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
      // Each run is built field by field by presentRun (typed as Run); checking 1,000 of them
      // again against the response schema took about a tenth of a batch's time
      // (bench/ingest), so this answer is written as is. The schema still documents it.
      return reply
        .status(201)
        .type('application/json; charset=utf-8')
        .serializer(JSON.stringify)
        .send({ items: answer.body });
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
