import type { Readable } from 'node:stream';
import {
  AppError,
  BacklogItem,
  DecisionsBody,
  FeedbackKindParam,
  FeedbackResult,
  IdParam,
  OperatorList,
  OperatorListQuery,
  OutcomesBody,
  PredictionsBody,
  ProductionQuery,
  ProductionReport,
  ReasonBacklogBody,
  type FeedbackKind,
} from '@sextant/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../http/access.js';
import { callerOf, IdempotencyHeaders } from '../http/ci-caller.js';
import type { FeedbackItems } from '../services/production.service.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

const JSON_BODIES = {
  predictions: PredictionsBody,
  decisions: DecisionsBody,
  outcomes: OutcomesBody,
};

/** The bulk formats: the body stays a stream until the route reads it row by row. */
const STREAMED_TYPES = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;

/** A JSON body, checked against its kind's schema; the first problem names its field. */
function jsonItems(kind: FeedbackKind, body: unknown): FeedbackItems {
  const parsed = JSON_BODIES[kind].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw new AppError('invalid_request', `${field}: ${issue.message}`, {
      field,
      problems: parsed.error.issues.slice(0, 20).map((i) => ({
        field: i.path.map(String).join('.'),
        message: i.message,
      })),
    });
  }
  return { kind, items: parsed.data.items } as FeedbackItems;
}

export function productionRoutes(app: App, deps: RouteDeps): void {
  const { services } = deps;
  // Own context for the bulk formats: bodies (up to 100 MB) are handed over as the request
  // stream, read after the access check.
  app.register(async (scoped) => {
    const child = scoped.withTypeProvider<ZodTypeProvider>();
    child.removeContentTypeParser('text/csv');
    for (const type of Object.keys(STREAMED_TYPES)) {
      child.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
    }

    child.post(
      '/projects/:id/feedback/:kind',
      {
        // JSON bodies keep the default limit; CSV and NDJSON streams are counted as read (100 MB).
        // Operators record decisions and outcomes; predictions come from the pipeline.
        config: { access: access.withOperators(access.project('member', 'feedback:write')) },
        schema: {
          tags: ['production'],
          summary:
            'Post production feedback — predictions, operator decisions or outcomes — as JSON `{items}` (up to 1,000) or in bulk as text/csv or application/x-ndjson (up to 100 MB, streamed)',
          description:
            'Idempotent: predictions and decisions are keyed by (entity, period, model version), outcomes by (entity, time, event); ' +
            'a re-sent row replaces the stored one (upsert, the last one wins, within one upload too): `inserted` counts the keys new to ' +
            'the project, `updated` every other row. Bulk bodies are read and written as they stream, in one transaction: any bad row is ' +
            'a 400 listing up to 20 line numbers and nothing is written. CI tokens need the `feedback:write` scope. ' +
            'A JSON body may carry an Idempotency-Key: a retry with the same key and body within 24 h stores nothing again and ' +
            'replays the first answer (header `idempotent-replayed: true`); the same key with another body is a 422.',
          security: SIGNED_IN,
          params: FeedbackKindParam,
          headers: IdempotencyHeaders,
          response: { 200: FeedbackResult },
        },
      },
      async (request, reply) => {
        const { id, kind } = request.params;
        if (kind === 'predictions' && request.ctx.role === 'operator') {
          throw new AppError(
            'forbidden',
            'An operator records decisions and outcomes; predictions come from the pipeline.',
            { requiredRole: 'member', role: 'operator' },
          );
        }
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format = STREAMED_TYPES[type as keyof typeof STREAMED_TYPES];
        if (format) {
          return services.production.ingestBulk(id, kind, format, request.body as Readable);
        }
        const caller = callerOf(request, request.ctx);
        const items = jsonItems(kind, request.body);
        const answer = await services.production.ingestOnce(id, items, {
          scope: caller.idempotencyScope,
          key: caller.idempotencyKey,
          fingerprint: { route: 'feedback', projectId: id, kind, body: items.items },
        });
        if (answer.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(200).send(answer.body);
      },
    );
  });

  app.get(
    '/projects/:id/production',
    {
      config: { access: access.withOperators(access.project('viewer')) },
      schema: {
        tags: ['production'],
        summary:
          'Production figures per day or week: hit rate@N beside the longest-unchecked bar, money realized, and the operators’ disagreement with its reasons',
        security: SIGNED_IN,
        params: IdParam,
        querystring: ProductionQuery,
        response: { 200: ProductionReport },
      },
    },
    async (request) => services.production.report(request.params.id, request.query),
  );

  app.get(
    '/projects/:id/production/list',
    {
      config: { access: access.withOperators(access.project('member')) },
      schema: {
        tags: ['production'],
        summary:
          'The operator’s daily list: the model’s top N of one day (the latest with predictions by default), ranked as the production figures rank them, with the stored decisions and outcomes and the recent reasons',
        security: SIGNED_IN,
        params: IdParam,
        querystring: OperatorListQuery,
        response: { 200: OperatorList },
      },
    },
    async (request) => services.operatorList.list(request.params.id, request.query),
  );

  app.post(
    '/projects/:id/production/reasons/backlog',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['production'],
        summary: 'Turn an operator disagreement reason into an improvement-backlog idea',
        security: SIGNED_IN,
        params: IdParam,
        body: ReasonBacklogBody,
        response: { 201: BacklogItem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await services.production.reasonToBacklog(
            request.params.id,
            request.body,
            request.ctx.actor,
          ),
        ),
  );
}
