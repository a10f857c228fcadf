import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startPostgresRunner } from './postgres-runner.js';
import { tickSchedules } from './schedules.js';
import { startSqliteRunner } from './sqlite-runner.js';
import type { JobBackend, JobLog, JobRunner, JobRunnerOptions } from './types.js';
import { sleep, Waiter } from './wait.js';

export type { JobHandler, JobLog, JobRunner, JobRunnerOptions, Schedule } from './types.js';
export type { ScheduledPayload } from './schedules.js';
export { JOB_QUEUE_APPLICATION_NAME } from './postgres-runner.js';
export { retryDelayMs } from './sqlite-runner.js';

export const DEFAULT_SCHEDULE_TICK_MS = 15_000;

const stderrLog: JobLog = {
  warn: (message, error) =>
    process.stderr.write(
      `${message}${error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`}\n`,
    ),
};

/**
 * Runs the queue's jobs with `handlers` and fires `schedules`, on the connection's database:
 * graphile-worker on PostgreSQL, a poller over `job_queue` on SQLite. Any number of servers
 * may run one on the same PostgreSQL database; each job runs once, each schedule instant fires
 * once.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { connection, store, clock, handlers } = options;
  const schedules = options.schedules ?? [];
  const log = options.log ?? stderrLog;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const concurrency = options.concurrency ?? 4;

  let backend: JobBackend;
  if (connection.kind === 'postgres') {
    if (!connection.url) throw new Error('the job queue needs the PostgreSQL URL');
    backend = startPostgresRunner({
      store,
      url: connection.url,
      handlers,
      pollMs: options.pollMs ?? 1_000,
      concurrency,
      log,
    });
  } else {
    backend = startSqliteRunner({
      store,
      clock,
      handlers,
      workerId,
      pollMs: options.pollMs ?? 250,
      concurrency,
      log,
      releaseLocksAtStart: options.releaseLocksAtStart ?? true,
    });
  }

  let stopping = false;
  const waiter = new Waiter();
  let ticking: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    // One tick at a time: a test's tick waits for the timer's, then runs its own.
    ticking = ticking.then(() => tickSchedules(store, clock, schedules, workerId, log));
    return ticking;
  };
  const tickMs = options.scheduleTickMs ?? DEFAULT_SCHEDULE_TICK_MS;
  const scheduleLoop =
    schedules.length === 0
      ? Promise.resolve()
      : (async () => {
          while (!stopping) {
            await tick();
            if (stopping) break;
            await waiter.wait(tickMs);
          }
        })();

  return {
    workerId,
    tickSchedules: tick,
    drain: async (timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const active = await store.repos.jobs.countActive(clock.now().toISOString());
        if (active === 0 && backend.running() === 0) return;
        if (Date.now() > deadline) {
          throw new Error(`job queue: ${active} job(s) still due or running after ${timeoutMs} ms`);
        }
        await sleep(25);
      }
    },
    stop: async () => {
      stopping = true;
      waiter.wake();
      await scheduleLoop;
      await ticking.catch(() => undefined);
      await backend.stop();
    },
  };
}
