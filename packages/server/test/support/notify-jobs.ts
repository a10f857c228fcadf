import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { NotificationEnvelope, NewNotificationEvent } from '@sextant/core';
import { NOTIFICATION_EVENT_VERSION } from '@sextant/core';
import type { TestEnv } from './harness.js';

type Handler = (payload: unknown, job: { attempt: number; id: string }) => Promise<void>;

interface QueuedJob {
  id: string;
  task: string;
  payload: unknown;
}

/**
 * Takes every job waiting in the queue (whatever its run_at: tests move the clock instead of
 * waiting), removing it: `job_queue` on SQLite, graphile-worker's table on PostgreSQL.
 */
export async function takeJobs(env: TestEnv): Promise<QueuedJob[]> {
  const db = env.connection.db;
  if (env.kind === 'sqlite') {
    const rows = await db
      .selectFrom('job_queue')
      .selectAll()
      .orderBy('run_at')
      .orderBy('id')
      .execute();
    if (rows.length > 0) {
      await db
        .deleteFrom('job_queue')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows.map((r) => ({ id: r.id, task: r.task, payload: JSON.parse(r.payload) as unknown }));
  }
  const result = await sql<{ id: string; task_identifier: string; payload: unknown }>`
    delete from graphile_worker._private_jobs j
    using graphile_worker._private_tasks t
    where t.id = j.task_id
    returning j.id::text as id, t.identifier as task_identifier, j.payload, j.run_at`.execute(db);
  return result.rows
    .map((r) => ({ id: r.id, task: r.task_identifier, payload: r.payload }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Runs the jobs waiting now, once each (jobs they enqueue wait for the next call), and says
 * which tasks ran. Until the queue's runner is in the tests, this is the worker.
 */
export async function runQueuedJobs(
  env: TestEnv,
  handlers: Record<string, Handler>,
): Promise<string[]> {
  const ran: string[] = [];
  for (const job of await takeJobs(env)) {
    const handler = handlers[job.task];
    if (!handler) continue;
    await handler(job.payload, { attempt: 1, id: job.id });
    ran.push(job.task);
  }
  return ran;
}

/** Runs jobs until none is left (at most `rounds` rounds). */
export async function drainJobs(
  env: TestEnv,
  handlers: Record<string, Handler>,
  rounds = 10,
): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    if ((await runQueuedJobs(env, handlers)).length === 0) return;
  }
}

/** Records an event as a write would, in its own transaction. */
export function emitEvent(
  env: TestEnv,
  event: Partial<NewNotificationEvent> & { projectId: string | null },
): Promise<string> {
  return env.store.transaction((repos) =>
    repos.notificationEvents.emit(
      {
        // A type no write of these suites records by itself, so what a test counts is its own.
        type: 'deployment.failed',
        title: 'Deployment failed on Churn: the model did not start',
        summary: 'The deployment of version 7 to production failed its health check.',
        facts: [
          { label: 'Version', value: '7' },
          { label: 'Environment', value: 'production' },
        ],
        path: `/projects/${event.projectId}/deployments`,
        data: { version: '7' },
        ...event,
      },
      NOTIFICATION_EVENT_VERSION,
      env.clock.now().toISOString(),
    ),
  );
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1: answers each path with the next status of its script
 * (the last one repeats) and keeps what it received.
 */
export async function startReceiver(scripts: Record<string, number[]>): Promise<{
  url: (path: string) => string;
  received: ReceivedRequest[];
  envelopes: (path: string) => NotificationEnvelope[];
  close: () => Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const served = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const script = scripts[path] ?? [404];
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      const status = script[Math.min(n, script.length - 1)] ?? 404;
      if (status >= 300 && status < 400) res.setHeader('Location', 'http://127.0.0.1:1/elsewhere');
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    envelopes: (path) =>
      received
        .filter((r) => r.path === path)
        .map((r) => JSON.parse(r.body) as NotificationEnvelope),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
