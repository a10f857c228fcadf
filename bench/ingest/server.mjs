#!/usr/bin/env node
// The server bench/ingest measures: the built app exactly as `sextant serve` builds it, plus
// one bench-only route beside the real batch route, `POST /projects/{id}/runs/parse-only`,
// with the same body limit, JSON parser, auth, access rule and Zod schema, that answers 201
// without touching the database: the ceiling the batch route is measured against.
// Never shipped: only this script passes `extraRoutes`. Reads the same environment as
// `sextant serve` (SEXTANT_DATA_DIR, DATABASE_URL) and prints "open <url>" when listening.
import { CreateRunBatchBody, IdParam } from '@sextant/core';
import { migrateToLatest, openConnection } from '@sextant/db';
import { buildApp, loadConfig } from '@sextant/server';

/** RUN_BATCH_BODY_LIMIT of the real batch route. */
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;

const config = loadConfig();
const connection = openConnection({ url: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(connection);
const { app } = await buildApp({
  connection,
  logger: { level: config.logLevel },
  extraRoutes: (api) => {
    api.post(
      '/projects/:id/runs/parse-only',
      {
        bodyLimit: BATCH_BODY_LIMIT,
        config: { access: { kind: 'project', role: 'member', ci: 'runs:write' } },
        schema: { hide: true, params: IdParam, body: CreateRunBatchBody },
      },
      async (request, reply) => reply.status(201).send({ parsed: request.body.runs.length }),
    );
  },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`open http://127.0.0.1:${address.port}\n`);
const stop = async () => {
  await app.close();
  await connection.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
