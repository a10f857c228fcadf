import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Connection } from '@sextant/db';
import { buildApp } from '@sextant/server';
import {
  createMigratedConnection,
  createTestDatabase,
  type TestDatabase,
} from '../support/databases.js';

describe('serving the web UI [sqlite]', () => {
  let database: TestDatabase;
  let connection: Connection;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'sextant-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Sextant</title>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    database = await createTestDatabase('sqlite');
    connection = await createMigratedConnection(database);
    ({ app } = await buildApp({ connection, webDir }));
  });
  afterAll(async () => {
    await app.close();
    await connection.close();
    await database.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers a deep link with index.html, uncached', async () => {
    const page = await app.inject({ method: 'GET', url: '/projects/123?tab=goals' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Sextant</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets for a year and files added after start (a rebuild needs no restart)', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    writeFileSync(join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    const rebuilt = await app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toBe('console.log(2)');
  });

  it('answers a missing file and an unknown API path with a JSON 404, never index.html', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json()).toMatchObject({ error: { code: 'not_found' } });
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing/here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/v1/nothing/here', details: {} },
    });
  });
});
