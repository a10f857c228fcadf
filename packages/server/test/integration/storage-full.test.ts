import { afterEach, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { CreatedToken, ErrorBody, Page, Run } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import type { Reply, TestClient } from '../support/client.js';

// A full disk on SQLite: `PRAGMA max_page_count` caps the server's own connection at the
// pages the file has, so the engine itself answers SQLITE_FULL to the next write that needs
// a page, as it does when the disk is full. The server answers 507 `storage_full`, writes
// nothing, and writes again once there is room, without a restart.

/** A run of about 12 KB: it needs new pages, whatever free space the last page has. */
const bulkyRun = (commit: string) => ({
  metrics: { accuracy: 0.5 },
  params: Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`p${i}`, `${commit}-${'x'.repeat(190)}`]),
  ),
  commit,
});

async function ciOf(env: TestEnv) {
  const { admin, project } = await env.factory.workspace();
  const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
    name: 'ci',
  });
  expect(token.status).toBe(201);
  return { admin, project, ci: admin.client.withBearer(token.body.token) };
}

const postRun = (client: TestClient, projectId: string, commit: string) =>
  client.request<Run>('POST', `/projects/${projectId}/runs`, bulkyRun(commit), {
    headers: { 'idempotency-key': `key-${commit}` },
  });

async function pageCount(env: TestEnv): Promise<number> {
  const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(env.connection.db);
  return rows[0]?.page_count ?? 0;
}

const setMaxPageCount = (env: TestEnv, pages: number) =>
  sql.raw(`pragma max_page_count = ${pages}`).execute(env.connection.db);

describeEachDatabase(
  'a full disk',
  (env) => {
    afterEach(async () => {
      vi.restoreAllMocks();
      await setMaxPageCount(env(), 1_073_741_823);
    });

    it('answers 507 storage_full without a path, writes nothing, and writes again once there is room', async () => {
      const { admin, project, ci } = await ciOf(env());
      expect((await postRun(ci, project.id, 'before')).status).toBe(201);

      await setMaxPageCount(env(), await pageCount(env()));
      const full = (await Promise.all(
        ['full-1', 'full-2', 'full-3'].map((commit) => postRun(ci, project.id, commit)),
      )) as unknown as Reply<ErrorBody>[];
      for (const reply of full) {
        expect(reply.status).toBe(507);
        expect(reply.body.error.code).toBe('storage_full');
        expect(reply.body.error.message).toMatch(/no space left/);
        expect(JSON.stringify(reply.body)).not.toMatch(/sextant\.db|sextant-test-|\/tmp|SQLITE/);
      }
      // Reads still work while the disk is full, and show that nothing was written.
      const during = await admin.client.get<Page<Run>>(`/projects/${project.id}/runs`);
      expect(during.status).toBe(200);
      expect(during.body.items.map((r) => r.commit)).toEqual(['before']);

      await setMaxPageCount(env(), 1_073_741_823);
      const retried = await Promise.all(
        ['full-1', 'full-2', 'full-3'].map((commit) => postRun(ci, project.id, commit)),
      );
      expect(retried.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(retried.map((r) => r.raw.headers['idempotent-replayed'])).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      const after = await admin.client.get<Page<Run>>(`/projects/${project.id}/runs`);
      expect(after.body.items.map((r) => r.commit).sort()).toEqual([
        'before',
        'full-1',
        'full-2',
        'full-3',
      ]);
    });

    it('answers 503 database_unavailable with Retry-After when the file cannot be written', async () => {
      const { ci, project } = await ciOf(env());
      // An I/O error of the disk under the database, as better-sqlite3 reports it.
      const ioError = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
      vi.spyOn(env().store, 'transaction').mockRejectedValue(ioError);
      const reply = (await postRun(ci, project.id, 'io')) as unknown as Reply<ErrorBody>;
      expect(reply.status).toBe(503);
      expect(reply.body.error.code).toBe('database_unavailable');
      expect(reply.raw.headers['retry-after']).toBe('5');
      expect(reply.body.error.message).not.toMatch(/I\/O|SQLITE/);
      vi.restoreAllMocks();
      expect((await postRun(ci, project.id, 'io')).status).toBe(201);
    });
  },
  { kinds: ['sqlite'] },
);
