import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreatedToken, Page, Project, Team } from '@sextant/core';
import { integrityOf, login, post } from '../support/browser-session.js';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import { assertBuilt, runCli, startServerProcess, waitForExit } from '../support/server-process.js';

const PASSWORD = 'kill-nine survives this';
const CLIENTS = 8;
const ACKS_BEFORE_KILL = 200;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(`kill -9 [${kind}]`, () => {
    let database: TestDatabase;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      assertBuilt();
      database = await createTestDatabase(kind);
      env = { SEXTANT_DATA_DIR: database.dataDir, DATABASE_URL: database.url ?? '' };
      expect((await runCli(['migrate'], env)).code).toBe(0);
      const created = await runCli(
        [
          'user',
          'create',
          '--email',
          'crash@example.test',
          '--name',
          'Crash Tester',
          '--password-stdin',
        ],
        env,
        `${PASSWORD}\n`,
      );
      expect(created.code, created.stderr).toBe(0);
    });

    afterAll(async () => {
      await database?.drop();
    });

    it('keeps every project acknowledged with 201 when the server is killed mid-write', async () => {
      const first = await startServerProcess(env);
      const session = await login(first.url, 'crash@example.test', PASSWORD);
      const team = await post<Team>(first.url, '/teams', session, { name: 'Crash team' });
      const token = await post<CreatedToken>(first.url, '/tokens', session, { name: 'load' });

      const acknowledged: string[] = [];
      let attempted = 0;
      let killed = false;
      const worker = async (n: number) => {
        for (let i = 0; !killed; i += 1) {
          attempted += 1;
          try {
            const reply = await fetch(`${first.url}/api/v1/projects`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${token.token}`,
              },
              body: JSON.stringify({ teamId: team.id, name: `client ${n} project ${i}` }),
            });
            if (reply.status === 201) {
              acknowledged.push(((await reply.json()) as Project).id);
              if (acknowledged.length >= ACKS_BEFORE_KILL && !killed) {
                killed = true;
                first.child.kill('SIGKILL');
              }
            }
          } catch {
            // The connection died with the process: that write was never acknowledged.
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => worker(n)));
      await waitForExit(first.child);
      expect(first.child.signalCode).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

      if (kind === 'sqlite') {
        expect(integrityOf(database.dataDir)).toBe('ok');
      }

      const second = await startServerProcess(env);
      try {
        const stored = new Set<string>();
        let cursor: string | null = null;
        do {
          const reply = await fetch(
            `${second.url}/api/v1/projects?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
            { headers: { authorization: `Bearer ${token.token}` } },
          );
          const page = (await reply.json()) as Page<Project>;
          for (const project of page.items) stored.add(project.id);
          cursor = page.nextCursor;
        } while (cursor);
        const lost = acknowledged.filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
        // Writes in flight at the kill may or may not have landed, but never more than were sent.
        expect(stored.size).toBeLessThanOrEqual(attempted);
      } finally {
        second.child.kill('SIGTERM');
        await waitForExit(second.child);
      }
    });
  });
}
