import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SEXTANT_VERSION } from '../version.js';

/**
 * The OpenAPI 3.1 document is generated from the same Zod schemas that validate
 * requests, so the two cannot drift. Served at /api/v1/openapi.json (see app.ts), with
 * an interactive page at /api/docs.
 */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sextant API',
        version: SEXTANT_VERSION,
        description:
          'Is this data-science project on track? Errors are `{"error":{"code","message","details"}}`. ' +
          'Any route may answer 503 `database_unavailable` with `Retry-After` while the database cannot be reached ' +
          '(retry; a post retried with the same `Idempotency-Key` is stored once) and 507 `storage_full` when it has no room to write. ' +
          'Browser sessions send writes with the `X-CSRF-Token` header; CI and scripts use `Authorization: Bearer sxt_…`.',
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sextant_session' },
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal or CI token (sxt_…)',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // BaseLayout: the operations without Swagger's top bar (its logo is an SVG with a <style>
    // element, which the page's Content-Security-Policy refuses, and its box loads other specs).
    uiConfig: { docExpansion: 'list', deepLinking: true, layout: 'BaseLayout' },
  });
});
