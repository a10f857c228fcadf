import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreatedToken, Page, Project, Run, Team } from '@sextant/core';
import { integrityOf, login, post } from '../support/browser-session.js';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import {
  assertBuilt,
  runCli,
  startServerProcess,
  waitForExit,
  type ServerProcess,
} from '../support/server-process.js';

// CI clients post runs while the server is killed with SIGKILL again and again. A client
// does what `sextant run report` does: one Idempotency-Key per run, the same key and body
// again after a failure, until the run is acknowledged. Afterwards every acknowledged run
// is stored, under the id it was acknowledged with, and no run is stored twice. The next
// server starts while the current one takes writes (as behind a load balancer), so the
// 20 start-ups do not add up; the kills still land mid-write, and the clients move over.

const PASSWORD = 'kill-nine survives this too';
const KILLS = 20;
const CLIENTS = 8;
/** New acknowledgements between two kills, so every server writes a little before dying. */
const ACKS_PER_LIFE = 25;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(
    `runs survive kill -9, ${KILLS} times [${kind}]`,
    () => {
      let database: TestDatabase;
      let env: NodeJS.ProcessEnv;

      beforeAll(async () => {
        assertBuilt();
        database = await createTestDatabase(kind);
        env = { SEXTANT_DATA_DIR: database.dataDir, DATABASE_URL: database.url ?? '' };
        expect((await runCli(['migrate'], env)).code).toBe(0);
        const created = await runCli(
          ['user', 'create', '--email', 'ci@example.test', '--name', 'CI', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(created.code, created.stderr).toBe(0);
      });

      afterAll(async () => {
        await database?.drop();
      });

      it('keeps every acknowledged run exactly once, replaying retried keys', async () => {
        const started: ServerProcess[] = [];
        const start = async () => {
          const server = await startServerProcess(env);
          started.push(server);
          return server;
        };
        let server = await start();
        let next: Promise<ServerProcess> | null = null;
        /** commit → the run id its post was acknowledged with. */
        const acknowledged = new Map<string, string>();
        const refused: string[] = [];
        let retries = 0;
        let lastFailure = 'none';
        let stopping = false;
        let abandoned = false;
        try {
          const session = await login(server.url, 'ci@example.test', PASSWORD);
          const team = await post<Team>(server.url, '/teams', session, { name: 'Crash team' });
          const project = await post<Project>(server.url, '/projects', session, {
            teamId: team.id,
            name: 'Runs under fire',
          });
          const ci = await post<CreatedToken>(
            server.url,
            `/projects/${project.id}/ci-tokens`,
            session,
            { name: 'ci' },
          );

          /** Posts one run until it is acknowledged, as `sextant run report` retries. */
          const report = async (commit: string): Promise<void> => {
            const body = JSON.stringify({
              metrics: { accuracy: 0.5 },
              params: { commit },
              commit,
              ci: {
                provider: 'crash-test',
                jobId: commit,
                jobUrl: `https://ci.example.test/${commit}`,
              },
            });
            for (let attempt = 1; !abandoned; attempt += 1) {
              try {
                const reply = await fetch(`${server.url}/api/v1/projects/${project.id}/runs`, {
                  method: 'POST',
                  headers: {
                    'content-type': 'application/json',
                    authorization: `Bearer ${ci.token}`,
                    'idempotency-key': `key-${commit}`,
                  },
                  body,
                  signal: AbortSignal.timeout(10_000),
                });
                if (reply.status === 201) {
                  const run = (await reply.json()) as Run;
                  const earlier = acknowledged.get(commit);
                  if (earlier !== undefined && earlier !== run.id) {
                    refused.push(`${commit} acknowledged as ${earlier} and as ${run.id}`);
                  }
                  acknowledged.set(commit, run.id);
                  return;
                }
                if (reply.status < 500) {
                  refused.push(`${commit}: ${reply.status} ${await reply.text()}`);
                  return;
                }
                lastFailure = `${reply.status} ${await reply.text()}`;
              } catch (error) {
                // The server died under this request: the answer is lost, not the key.
                lastFailure = String((error as Error).cause ?? error);
              }
              retries += 1;
              await pause(Math.min(10 * attempt, 100));
            }
          };
          const clients = Array.from({ length: CLIENTS }, async (_, n) => {
            for (let i = 0; !stopping; i += 1) await report(`c${n}-${i}`);
          });

          next = start();
          for (let kill = 1; kill <= KILLS; kill += 1) {
            const target = acknowledged.size + ACKS_PER_LIFE;
            const since = Date.now();
            while (acknowledged.size < target) {
              if (Date.now() - since > 20_000) {
                throw new Error(`no run acknowledged for 20 s before kill ${kill}: ${lastFailure}`);
              }
              await pause(5);
            }
            const standby = await (next ?? start());
            await pause(Math.random() * 20);
            server.child.kill('SIGKILL');
            await waitForExit(server.child);
            expect(server.child.signalCode).toBe('SIGKILL');
            if (kind === 'sqlite') expect(integrityOf(database.dataDir)).toBe('ok');
            server = standby;
            next = kill < KILLS ? start() : null;
          }
          stopping = true;
          await Promise.all(clients);

          expect(refused).toEqual([]);
          expect(retries).toBeGreaterThan(0);
          const stored: Run[] = [];
          let cursor: string | null = null;
          do {
            const reply = await fetch(
              `${server.url}/api/v1/projects/${project.id}/runs?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
              { headers: { cookie: session.cookie } },
            );
            const page = (await reply.json()) as Page<Run>;
            stored.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          const byCommit = new Map<string, string[]>();
          for (const run of stored) {
            byCommit.set(run.commit, [...(byCommit.get(run.commit) ?? []), run.id]);
          }
          const twice = [...byCommit].filter(([, ids]) => ids.length > 1);
          expect(twice).toEqual([]);
          const lost = [...acknowledged].filter(([commit, id]) => byCommit.get(commit)?.[0] !== id);
          expect(lost).toEqual([]);
          // Every client waited for its run to be acknowledged, so nothing else was stored.
          expect(stored).toHaveLength(acknowledged.size);
          expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS * ACKS_PER_LIFE);
        } finally {
          abandoned = true;
          stopping = true;
          await next?.catch(() => undefined);
          for (const { child } of started) {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await waitForExit(child);
          }
        }
        if (kind === 'sqlite') expect(integrityOf(database.dataDir)).toBe('ok');
        // 20 start-ups of the server dominate: about 40 s on a quiet 2-core machine.
      }, 120_000);
    },
  );
}
