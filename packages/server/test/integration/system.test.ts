import { expect, it } from 'vitest';
import type { Health } from '@sextant/core';
import { MIGRATIONS } from '@sextant/db';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('system routes', (env) => {
  it('reports the database kind, schema version and, on SQLite, FULL synchronous in WAL mode', async () => {
    const reply = await env().factory.client().get<Health>('/health');
    expect(reply.status).toBe(200);
    expect(reply.body.database.kind).toBe(env().kind);
    const names = Object.keys(MIGRATIONS);
    expect(reply.body.database.schemaVersion).toBe(names.at(-1));
    expect(reply.body.database.migrations).toBe(names.length);
    if (env().kind === 'sqlite') {
      expect(reply.body.database.synchronous).toBe('FULL');
      expect(reply.body.database.journalMode).toBe('WAL');
    } else {
      expect(reply.body.database.synchronous).toBeNull();
    }
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas, and the docs page', async () => {
    const reply = await env().factory.client().get<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    }>('/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const paths = Object.keys(reply.body.paths);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/teams/{id}/members/{userId}',
      '/api/v1/projects/{id}/goals',
      '/api/v1/projects/{id}/success-criterion',
      '/api/v1/projects/{id}/stage',
      '/api/v1/projects/{id}/risks',
      '/api/v1/projects/{id}/ci-tokens',
    ]) {
      expect(paths).toContain(path);
    }
    const goalSchema = JSON.stringify(
      reply.body.paths['/api/v1/projects/{id}/goals']?.post?.requestBody?.content[
        'application/json'
      ]?.schema,
    );
    expect(goalSchema).toContain('targetChangePct');
    const docs = await env().app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
