import { run, type Runner, type TaskList } from 'graphile-worker';
import { openJobQueuePool, SILENT_LOGGER, type Store } from '@sextant/db';
import type { JobBackend, JobHandler, JobLog } from './types.js';
import { sleep, Waiter } from './wait.js';

/** The job pool's connections say who they are, so an operator (or a test) can find them. */
export const JOB_QUEUE_APPLICATION_NAME = 'sextant-jobs';

/**
 * A job locked longer than this is a dead server's (kill -9, power cut): released for another
 * to run. Handlers are bounded far below it (a webhook gives up after seconds).
 */
export const STALE_LOCK_MS = 5 * 60_000;

export interface PostgresRunnerOptions {
  store: Store;
  url: string;
  handlers: Record<string, JobHandler>;
  pollMs: number;
  concurrency: number;
  log: JobLog;
}

function withApplicationName(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('application_name')) {
      parsed.searchParams.set('application_name', JOB_QUEUE_APPLICATION_NAME);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * PostgreSQL's queue: graphile-worker on its own small pool, over the jobs `add_job` wrote in
 * the requests' transactions. It never takes the process down: the pool's and clients'
 * errors are reported, graphile reconnects its LISTEN client itself, and should the runner
 * itself end in an error (the database gone at start, say) it is started again with backoff.
 */
export function startPostgresRunner(options: PostgresRunnerOptions): JobBackend {
  const { store, url, handlers, pollMs, concurrency, log } = options;
  const pool = openJobQueuePool(withApplicationName(url), concurrency + 2, (error) =>
    log.warn('job queue: a database connection failed (it is replaced)', error),
  );
  let active = 0;
  const taskList: TaskList = {};
  for (const [name, handler] of Object.entries(handlers)) {
    taskList[name] = async (payload, helpers) => {
      active += 1;
      try {
        await handler(payload, { attempt: helpers.job.attempts, id: String(helpers.job.id) });
      } finally {
        active -= 1;
      }
    };
  }

  let stopping = false;
  let runner: Runner | null = null;
  const waiter = new Waiter();
  const loop = (async () => {
    let backoffMs = 1_000;
    while (!stopping) {
      try {
        runner = await run({
          pgPool: pool,
          taskList,
          concurrency,
          pollInterval: pollMs,
          noHandleSignals: true,
          logger: SILENT_LOGGER,
        });
        if (stopping) await runner.stop();
        await runner.promise;
        backoffMs = 1_000;
      } catch (error) {
        if (!stopping)
          log.warn(`job queue: the runner stopped; starting again in ${backoffMs} ms`, error);
      }
      runner = null;
      if (stopping) break;
      await waiter.wait(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 30_000);
    }
  })();

  const releaser = new Waiter();
  const release = (async () => {
    while (!stopping) {
      await store.repos.jobs
        .releaseStaleLocks(STALE_LOCK_MS)
        .catch((error: unknown) => log.warn('job queue: releasing stale locks failed', error));
      if (stopping) break;
      await releaser.wait(60_000);
    }
  })();

  return {
    running: () => active,
    stop: async () => {
      stopping = true;
      waiter.wake();
      releaser.wake();
      await release;
      const current = runner;
      if (current)
        await current
          .stop()
          .catch((error: unknown) => log.warn('job queue: stopping the runner failed', error));
      await loop;
      // graphile releases its clients as it stops; give the last one a moment before closing.
      await sleep(0);
      await pool.end().catch(() => undefined);
    },
  };
}
