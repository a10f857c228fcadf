import { sql } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Executor } from './executor.js';
import { newId } from '../ids.js';

export interface EnqueueOptions {
  /** The caller's clock (ISO); the SQLite worker compares run_at with the same clock. */
  now: string;
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
  /** At most one waiting job per key: a second enqueue replaces the first (graphile's job_key). */
  key?: string;
}

/**
 * Jobs, enqueued on the caller's executor: inside a transaction the job exists exactly when
 * the write does. PostgreSQL: graphile-worker's `add_job` (its schema is made by
 * `migrateToLatest`); SQLite: a row in `job_queue`, which the one process's worker reads.
 */
export class JobRepository {
  constructor(private readonly db: Executor) {}

  private get postgres(): boolean {
    return this.db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async enqueue(task: string, payload: object, options: EnqueueOptions): Promise<void> {
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    const body = JSON.stringify(payload);
    if (this.postgres) {
      await sql`select graphile_worker.add_job(${task}, ${body}::json,
        run_at => now() + ${delayMs} * interval '1 millisecond',
        job_key => ${options.key ?? null}::text)`.execute(this.db);
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
      })
      .onConflict((oc) =>
        oc.column('job_key').doUpdateSet({ payload: body, run_at: runAt, attempts: 0 }),
      )
      .execute();
  }
}
