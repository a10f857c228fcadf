import { JOB_MAX_ATTEMPTS, type Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { JobBackend, JobHandler, JobLog } from './types.js';
import { Waiter } from './wait.js';

/** How long a claimed job stays locked: far longer than a handler runs (a webhook times out in seconds). */
export const SQLITE_JOB_LOCK_MS = 5 * 60_000;

/** graphile-worker's backoff: e^min(attempts, 10) seconds after the attempts-th failure. */
export function retryDelayMs(attempts: number): number {
  return Math.round(Math.exp(Math.min(attempts, 10)) * 1000);
}

export interface SqliteRunnerOptions {
  store: Store;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  workerId: string;
  pollMs: number;
  concurrency: number;
  log: JobLog;
  /**
   * One server owns a SQLite database, so at its start every lock is a killed process's:
   * release them (the server does; tests running two runners on one file do not).
   */
  releaseLocksAtStart: boolean;
}

/**
 * SQLite's queue: a poller over `job_queue` in the same database. It claims due jobs by
 * locking them (one statement), runs each, deletes it when it succeeds and, when it throws,
 * records the error and puts it back with graphile's backoff; after JOB_MAX_ATTEMPTS the row
 * stays with its last error. Polls never overlap; a finished job looks again at once.
 */
export function startSqliteRunner(options: SqliteRunnerOptions): JobBackend {
  const { store, clock, handlers, workerId, pollMs, concurrency, log } = options;
  const tasks = Object.keys(handlers);
  const waiter = new Waiter();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const runJob = async (job: {
    id: string;
    task: string;
    payload: unknown;
    attempt: number;
  }): Promise<void> => {
    const handler = handlers[job.task];
    try {
      if (!handler) throw new Error(`no handler for task ${job.task}`);
      await handler(job.payload, { attempt: job.attempt, id: job.id });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const runAt = new Date(clock.now().getTime() + retryDelayMs(job.attempt)).toISOString();
      await store.repos.jobs
        .fail(job.id, workerId, message, runAt)
        .catch((failure: unknown) =>
          log.warn(`job ${job.task} ${job.id}: its failure was not recorded`, failure),
        );
      if (job.attempt >= JOB_MAX_ATTEMPTS)
        log.warn(`job ${job.task} ${job.id} gave up after ${job.attempt} attempts`, error);
      return;
    }
    await store.repos.jobs
      .complete(job.id, workerId)
      .catch((failure: unknown) =>
        log.warn(`job ${job.task} ${job.id}: its completion was not recorded`, failure),
      );
  };

  const pollOnce = async (): Promise<number> => {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const now = clock.now();
    const claimed = await store.repos.jobs.claim(
      workerId,
      now.toISOString(),
      new Date(now.getTime() + SQLITE_JOB_LOCK_MS).toISOString(),
      free,
      tasks,
    );
    for (const job of claimed) {
      const running = runJob(job).finally(() => {
        inFlight.delete(running);
        waiter.wake();
      });
      inFlight.add(running);
    }
    return claimed.length;
  };

  const loop = (async () => {
    if (options.releaseLocksAtStart) {
      await store.repos.jobs
        .releaseStaleLocks(0)
        .catch((error: unknown) => log.warn('job queue: releasing stale locks failed', error));
    }
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = await pollOnce();
      } catch (error) {
        log.warn('job queue: looking for due jobs failed', error);
      }
      if (stopping) break;
      // More may be due when this poll filled every free slot; else wait for the next poll
      // or for a running job to finish.
      if (claimed === 0 || inFlight.size >= concurrency) await waiter.wait(pollMs);
    }
  })();

  return {
    running: () => inFlight.size,
    stop: async () => {
      stopping = true;
      waiter.wake();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
