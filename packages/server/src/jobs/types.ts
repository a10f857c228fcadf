import type { Connection, Store } from '@sextant/db';
import type { Clock } from '../clock.js';

/**
 * Runs one job. Throwing retries it (graphile-worker's backoff on PostgreSQL; the SQLite
 * runner mimics it): `attempt` is 1 on the first run.
 */
export type JobHandler = (payload: unknown, job: { attempt: number; id: string }) => Promise<void>;

/**
 * A recurring job: `next(after)` is its first instant strictly after `after`. Each instant
 * fires once across every server on the database; one missed while no server ran fires
 * once, late, and the schedule moves on to its next future instant.
 */
export interface Schedule {
  name: string;
  task: string;
  next(after: Date): Date;
}

/** Where the runner reports what went wrong without stopping (a lost connection, a bad tick). */
export interface JobLog {
  warn(message: string, error?: unknown): void;
}

export interface JobRunnerOptions {
  connection: Connection;
  store: Store;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  schedules?: readonly Schedule[];
  /** Who fires schedules and locks SQLite jobs; default host:pid:random. */
  workerId?: string;
  /** SQLite: how often to look for due jobs (default 250 ms). PostgreSQL: graphile's poll for delayed jobs (default 1000 ms). */
  pollMs?: number;
  /** How often schedules are checked (default 15 s), besides once at start. */
  scheduleTickMs?: number;
  /** Jobs run at once by this runner (default 4). */
  concurrency?: number;
  log?: JobLog;
  /**
   * SQLite: release every job lock at start, as a killed server left them (default true:
   * one server owns a SQLite database; a test running two runners on one file says false).
   */
  releaseLocksAtStart?: boolean;
}

export interface JobRunner {
  readonly workerId: string;
  /** Checks every schedule now (tests; the runner also does it on its own timer). */
  tickSchedules(): Promise<void>;
  /**
   * Resolves once nothing is due or running in the queue (a retry waiting for its time does
   * not count); rejects after `timeoutMs` (default 15 s).
   */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops taking jobs, waits for the running ones, and closes the runner's connections. */
  stop(): Promise<void>;
}

/** What a database's job loop offers the runner. */
export interface JobBackend {
  /** Jobs this runner itself is running now. */
  running(): number;
  stop(): Promise<void>;
}
