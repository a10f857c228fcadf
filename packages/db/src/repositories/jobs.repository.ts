import { sql } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Executor } from './executor.js';
import { newId } from '../ids.js';

/** Attempts before a job is given up (its row is kept with its last error), as graphile's default. */
export const JOB_MAX_ATTEMPTS = 25;

/** A `job_queue` row the SQLite runner claimed. */
export interface ClaimedJob {
  id: string;
  task: string;
  payload: unknown;
  /** 1 on the first run. */
  attempt: number;
}

/** A job still in the queue (waiting, running, retrying or given up), on either database. */
export interface QueuedJobRow {
  task: string;
  payload: unknown;
  key: string | null;
  attempts: number;
  lastError: string | null;
  locked: boolean;
}

export interface EnqueueOptions {
  /** The caller's clock (ISO); the SQLite worker compares run_at with the same clock. */
  now: string;
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
  /** At most one waiting job per key: a second enqueue replaces the first (graphile's job_key). */
  key?: string;
  /** Lower runs first among due jobs (graphile-worker's rule); default 0. */
  priority?: number;
}

/**
 * Jobs, enqueued on the caller's executor: inside a transaction the job exists exactly when
 * the write does. PostgreSQL: graphile-worker's `add_job` (its schema is made by
 * `migrateToLatest`); SQLite: a row in `job_queue`, which the one process's worker reads.
 */
export class JobRepository {
  constructor(private readonly db: Executor) {}

  private enqueued = 0;

  /** How many jobs this repository (bound to one transaction, say) has enqueued. */
  get enqueuedCount(): number {
    return this.enqueued;
  }

  private get postgres(): boolean {
    return this.db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async enqueue(task: string, payload: object, options: EnqueueOptions): Promise<void> {
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    const body = JSON.stringify(payload);
    const priority = Math.round(options.priority ?? 0);
    this.enqueued += 1;
    if (this.postgres) {
      await sql`select graphile_worker.add_job(${task}, ${body}::json,
        run_at => now() + ${delayMs} * interval '1 millisecond',
        job_key => ${options.key ?? null}::text,
        priority => ${priority}::int)`.execute(this.db);
      return;
    }
    const runAt = new Date(new Date(options.now).getTime() + delayMs).toISOString();
    await this.db
      .insertInto('job_queue')
      .values({
        id: newId(),
        task,
        payload: body,
        run_at: runAt,
        attempts: 0,
        locked_until: null,
        locked_by: null,
        last_error: null,
        job_key: options.key ?? null,
        created_at: options.now,
        priority,
      })
      // A waiting job with the key is replaced; one that is running keeps running, and
      // losing its lock here means its completion does not delete the replacement.
      .onConflict((oc) =>
        oc.column('job_key').doUpdateSet({
          task,
          payload: body,
          run_at: runAt,
          priority,
          attempts: 0,
          locked_until: null,
          locked_by: null,
          last_error: null,
        }),
      )
      .execute();
  }

  /**
   * SQLite: locks up to `limit` due jobs of these tasks (run_at <= now, not locked, attempts
   * left) for
   * `workerId` until `lockUntil`. One statement, so two runners never claim the same row.
   */
  async claim(
    workerId: string,
    now: string,
    lockUntil: string,
    limit: number,
    tasks: readonly string[],
  ): Promise<ClaimedJob[]> {
    if (tasks.length === 0 || limit <= 0) return [];
    const rows = await sql<{ id: string; task: string; payload: string; attempts: number }>`
      update job_queue set locked_until = ${lockUntil}, locked_by = ${workerId}
      where id in (
        select id from job_queue
        where run_at <= ${now} and (locked_until is null or locked_until <= ${now})
          and attempts < ${JOB_MAX_ATTEMPTS}
          and task in (${sql.join(tasks)})
        order by priority, run_at, id
        limit ${limit})
      returning id, task, payload, attempts`.execute(this.db);
    return rows.rows.map((row) => ({
      id: row.id,
      task: row.task,
      payload: JSON.parse(row.payload) as unknown,
      attempt: row.attempts + 1,
    }));
  }

  /** SQLite: a job that ran: gone, unless it was replaced (its key enqueued again) meanwhile. */
  async complete(id: string, workerId: string): Promise<void> {
    await this.db
      .deleteFrom('job_queue')
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute();
  }

  /** SQLite: a job that threw: one attempt more, its error, and when to try again. */
  async fail(id: string, workerId: string, error: string, runAt: string): Promise<void> {
    await this.db
      .updateTable('job_queue')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 4000),
        run_at: runAt,
        locked_until: null,
        locked_by: null,
      }))
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute();
  }

  /**
   * Jobs due or running and not given up (`now` is the SQLite runner's clock; PostgreSQL
   * uses its own): zero when the queue has nothing left to do right now.
   */
  async countActive(now: string): Promise<number> {
    if (this.postgres) {
      const result = await sql<{ n: number | string }>`
        select count(*) as n from graphile_worker.jobs
        where attempts < max_attempts and (run_at <= now() or locked_at is not null)`.execute(
        this.db,
      );
      return Number(result.rows[0]?.n ?? 0);
    }
    const row = await this.db
      .selectFrom('job_queue')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('attempts', '<', JOB_MAX_ATTEMPTS)
      .where((eb) =>
        eb.or([
          eb('run_at', '<=', now),
          eb.and([eb('locked_until', 'is not', null), eb('locked_until', '>', now)]),
        ]),
      )
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Every job still in the queue, oldest first (tests and diagnostics). */
  async list(): Promise<QueuedJobRow[]> {
    if (this.postgres) {
      const result = await sql<{
        task_identifier: string;
        payload: unknown;
        key: string | null;
        attempts: number;
        last_error: string | null;
        locked_at: Date | null;
      }>`select v.task_identifier, j.payload, v.key, v.attempts, v.last_error, v.locked_at
         from graphile_worker.jobs v join graphile_worker._private_jobs j on j.id = v.id
         order by v.id`.execute(this.db);
      return result.rows.map((row) => ({
        task: row.task_identifier,
        payload: row.payload,
        key: row.key,
        attempts: row.attempts,
        lastError: row.last_error,
        locked: row.locked_at !== null,
      }));
    }
    const rows = await this.db.selectFrom('job_queue').selectAll().orderBy('id').execute();
    return rows.map((row) => ({
      task: row.task,
      payload: JSON.parse(row.payload) as unknown,
      key: row.job_key,
      attempts: row.attempts,
      lastError: row.last_error,
      locked: row.locked_by !== null,
    }));
  }

  /**
   * Jobs a dead worker left locked, released so another runs them: on SQLite every lock
   * (called at start: one server owns a SQLite database, so a lock then is a killed
   * process's); on PostgreSQL those locked before `lockedBefore` (graphile-worker itself waits
   * 4 hours). Returns how many.
   */
  async releaseStaleLocks(lockedBeforeMs: number): Promise<number> {
    if (this.postgres) {
      const result = await sql`update graphile_worker._private_jobs
        set locked_at = null, locked_by = null
        where locked_at is not null
          and locked_at < now() - ${lockedBeforeMs} * interval '1 millisecond'`.execute(this.db);
      return Number(result.numAffectedRows ?? 0);
    }
    const result = await this.db
      .updateTable('job_queue')
      .set({ locked_until: null, locked_by: null })
      .where('locked_by', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
