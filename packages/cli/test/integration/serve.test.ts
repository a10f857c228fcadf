import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Project } from '@sextant/core';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import {
  assertBuilt,
  startServerProcess,
  waitForExit,
  type ServerProcess,
} from '../support/server-process.js';

describe('sextant serve on an empty SQLite folder', () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  beforeAll(assertBuilt);
  afterEach(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
      server = undefined;
    }
    await database?.drop();
  });

  const stop = async (s: ServerProcess) => {
    s.child.kill('SIGTERM');
    await waitForExit(s.child);
  };

  it('seeds the demo once, prints a fresh password, and the demo project is there after login', async () => {
    database = await createTestDatabase('sqlite');
    const env = { SEXTANT_DATA_DIR: database.dataDir, SEXTANT_DEMO: '1' };
    server = await startServerProcess(env);
    const output = server.output();
    const email = /email:\s+(\S+)/.exec(output)?.[1];
    const password = /password:\s+(\S+)/.exec(output)?.[1];
    expect(email).toBe('demo@sextant.local');
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const projects = (await (
      await fetch(`${server.url}/api/v1/projects`, { headers: { cookie } })
    ).json()) as Page<Project>;
    const names = projects.items.map((p) => `${p.name} | ${p.stage} | ${p.teamName} | ${p.role}`);
    expect(names).toContain(
      'Predictive maintenance — press line 3 | poc | Reliability Analytics | admin',
    );
    expect(names).toContain('Churn early warning | scoping | Customer Analytics | viewer');
    expect(names).toContain(
      'Paint-shop energy forecast | production | Reliability Analytics | admin',
    );
    expect(names).toContain(
      'Weld-seam inspection — body shop | production | Reliability Analytics | admin',
    );
    await stop(server);

    server = await startServerProcess(env);
    expect(server.output()).not.toMatch(/password:\s+\S+/);
    expect(server.output()).toContain('Demo login: demo@sextant.local');
  });

  it('has no account at all without the demo: no default credentials', async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ SEXTANT_DATA_DIR: database.dataDir, SEXTANT_DEMO: '0' });
    expect(server.output()).toContain('No accounts yet');
    for (const [email, password] of [
      ['demo@sextant.local', 'demo'],
      ['admin@sextant.local', 'admin'],
      ['admin', 'admin'],
    ]) {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect([400, 401]).toContain(login.status);
    }
  });
});
