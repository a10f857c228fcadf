import { Health } from '@sextant/core';
import { describeDatabase } from '@sextant/db';
import { access } from '../http/access.js';
import type { App, RouteDeps } from './types.js';

export function healthRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database kind, schema version and SQLite durability settings',
        response: { 200: Health },
      },
    },
    async () => ({
      status: 'ok' as const,
      version: deps.version,
      database: await describeDatabase(deps.connection),
    }),
  );
}
