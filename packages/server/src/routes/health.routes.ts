import { Health, HealthDown } from '@sextant/core';
import { describeDatabase, isDatabaseUnavailable } from '@sextant/db';
import { access } from '../http/access.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../plugins/errors.plugin.js';
import type { App, RouteDeps } from './types.js';

export function healthRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database kind, schema version and SQLite durability settings',
        description:
          '200 while the database answers; 503 with `status: "database_unavailable"` and `Retry-After` while it does not.',
        response: { 200: Health, 503: HealthDown },
      },
    },
    async (_request, reply) => {
      try {
        return {
          status: 'ok' as const,
          version: deps.version,
          database: await describeDatabase(deps.connection),
        };
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({
            status: 'database_unavailable' as const,
            version: deps.version,
            database: { kind: deps.connection.kind, reachable: false as const },
          });
      }
    },
  );
}
