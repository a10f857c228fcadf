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

/** A Content-Security-Policy header as directive → sources. */
function policy(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([directive, ...sources]) => [directive as string, sources]),
  );
}

/** What the web UI's policy must hold: its own origin, nothing inline, no plugins, no framing. */
function expectStrictAppPolicy(header: string | string[] | number | undefined) {
  const csp = policy(header);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [directive, sources] of csp) {
    expect(sources, directive).not.toContain("'unsafe-eval'");
    expect(sources, directive).not.toContain('*');
    if (directive.startsWith('script-src') || directive === 'style-src-elem') {
      expect(sources, directive).not.toContain("'unsafe-inline'");
    }
  }
  return csp;
}

describe('security headers [sqlite]', () => {
  let database: TestDatabase;
  let connection: Connection;
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'sextant-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Sextant</title>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    database = await createTestDatabase('sqlite');
    connection = await createMigratedConnection(database);
    ({ app } = await buildApp({ connection, webDir }));
    ({ app: proxied } = await buildApp({ connection, webDir, trustProxy: true }));
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
    await connection.close();
    await database.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the strict policy with every page, asset and API answer, errors included', async () => {
    for (const url of ['/', '/projects/123/runs', '/assets/app-1.js', '/api/v1/health']) {
      const reply = await app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(200);
      expectStrictAppPolicy(reply.headers['content-security-policy']);
      expect(reply.headers['x-content-type-options'], url).toBe('nosniff');
      expect(reply.headers['x-frame-options'], url).toBe('DENY');
      expect(reply.headers['referrer-policy'], url).toBe('same-origin');
    }
    const unauthorized = await app.inject({ method: 'GET', url: '/api/v1/projects' });
    expect(unauthorized.statusCode).toBe(401);
    expectStrictAppPolicy(unauthorized.headers['content-security-policy']);
    const missing = await app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(missing.statusCode).toBe(404);
    expectStrictAppPolicy(missing.headers['content-security-policy']);
  });

  it('gives the API docs page what it needs, on its own path only', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    const docs = expectStrictAppPolicy(page.headers['content-security-policy']);
    expect(docs.get('img-src')).toContain('data:');
    const style = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(style.statusCode).toBe(200);
    expect(policy(style.headers['content-security-policy'])).toEqual(docs);

    const appPage = policy(
      (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'],
    );
    expect(appPage.get('img-src')).not.toContain('data:');
    expect(appPage).not.toEqual(docs);
  });

  it('sends HSTS only when a trusted proxy says the request came over https', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const behindProxy = await proxied.inject({ method: 'GET', url: '/', headers: https });
    expect(behindProxy.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const plainBehindProxy = await proxied.inject({ method: 'GET', url: '/' });
    expect(plainBehindProxy.headers['strict-transport-security']).toBeUndefined();
    // Without SEXTANT_TRUST_PROXY the header is anyone's to forge: no HSTS.
    const forged = await app.inject({ method: 'GET', url: '/', headers: https });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });
});
