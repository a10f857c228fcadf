import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Connection } from '@sextant/db';
import { buildApp, SEXTANT_VERSION } from '@sextant/server';
import {
  createMigratedConnection,
  createTestDatabase,
  type TestDatabase,
} from '../support/databases.js';

/** The clients a CI job downloads from the server it reports to (served outside /api/v1). */
describe('GET /cli/* [sqlite]', () => {
  let database: TestDatabase;
  let connection: Connection;
  let built: FastifyInstance;
  let unbuilt: FastifyInstance;
  let dir: string;
  const bundle = '#!/usr/bin/env node\nconsole.log("sextant-client");\n';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sextant-client-files-'));
    writeFileSync(join(dir, 'sextant.mjs'), bundle);
    writeFileSync(join(dir, 'sextant_client.py'), 'print("sextant")\n');
    database = await createTestDatabase('sqlite');
    connection = await createMigratedConnection(database);
    ({ app: built } = await buildApp({
      connection,
      clientFiles: { bundle: join(dir, 'sextant.mjs'), python: join(dir, 'sextant_client.py') },
    }));
    ({ app: unbuilt } = await buildApp({
      connection,
      clientFiles: { bundle: join(dir, 'missing.mjs'), python: join(dir, 'missing.py') },
    }));
  });
  afterAll(async () => {
    await built.close();
    await unbuilt.close();
    await connection.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the bundle and its checksum to anyone, with the security headers', async () => {
    const reply = await built.inject({ method: 'GET', url: '/cli/sextant.mjs' });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe(bundle);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-sextant-version']).toBe(SEXTANT_VERSION);

    const hex = createHash('sha256').update(bundle).digest('hex');
    expect(reply.headers.etag).toBe(`"${hex}"`);
    const sum = await built.inject({ method: 'GET', url: '/cli/sextant.mjs.sha256' });
    expect(sum.statusCode).toBe(200);
    expect(sum.body).toBe(`${hex}  sextant.mjs\n`);
    expect(sum.headers['content-type']).toBe('text/plain; charset=utf-8');

    const python = await built.inject({ method: 'GET', url: '/cli/sextant_client.py' });
    expect(python.statusCode).toBe(200);
    expect(python.body).toBe('print("sextant")\n');
  });

  it('says how to build the bundle when it is not built, as JSON', async () => {
    for (const url of ['/cli/sextant.mjs', '/cli/sextant.mjs.sha256']) {
      const reply = await unbuilt.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(404);
      expect(reply.json(), url).toMatchObject({
        error: {
          code: 'not_found',
          message: expect.stringContaining('run `npm run build`'),
        },
      });
    }
    const python = await unbuilt.inject({ method: 'GET', url: '/cli/sextant_client.py' });
    expect(python.statusCode).toBe(404);
    expect(python.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('names its version on every API answer, so a client can tell it is older', async () => {
    const health = await built.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['x-sextant-version']).toBe(SEXTANT_VERSION);
    const denied = await built.inject({ method: 'GET', url: '/api/v1/projects' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['x-sextant-version']).toBe(SEXTANT_VERSION);
  });
});
