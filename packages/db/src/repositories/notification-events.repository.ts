import { PostgresAdapter, sql } from 'kysely';
import type { NewNotificationEvent } from '@sextant/core';
import type { Executor } from './executor.js';
import { newId } from '../ids.js';
import { JobRepository } from './jobs.repository.js';

/** The job that turns one event into its deliveries. */
export const FANOUT_TASK = 'notify.fanout';

/** Rows per multi-row insert: 6 parameters each, well under either database's limit. */
const EMIT_CHUNK = 500;

export interface NotificationEventRecord {
  id: string;
  type: string;
  version: number;
  projectId: string | null;
  /** The project's name when the event has one (joined at read). */
  projectName: string | null;
  title: string;
  summary: string;
  facts: { label: string; value: string }[];
  path: string;
  data: Record<string, unknown>;
  createdAt: string;
}

interface StoredPayload {
  title: string;
  summary: string;
  facts: { label: string; value: string }[];
  path: string;
  data: Record<string, unknown>;
}

/**
 * Events, recorded by a write in its own transaction together with the job that fans
 * them out: no event without its change, no change without its event.
 */
export class NotificationEventRepository {
  constructor(private readonly db: Executor) {}

  async emit(event: NewNotificationEvent, version: number, now: string): Promise<string> {
    const id = newId();
    const payload: StoredPayload = {
      title: event.title,
      summary: event.summary,
      facts: event.facts,
      path: event.path,
      data: event.data as Record<string, unknown>,
    };
    await this.db
      .insertInto('notification_events')
      .values({
        id,
        type: event.type,
        version,
        project_id: event.projectId,
        payload: JSON.stringify(payload),
        created_at: now,
      })
      .execute();
    await new JobRepository(this.db).enqueue(FANOUT_TASK, { eventId: id }, { now });
    return id;
  }

  /**
   * Many events in few statements (a batch of runs records one per run concerned): the rows
   * in multi-row inserts and, on PostgreSQL, their fan-out jobs in one statement, where one
   * `emit` each costs two round trips. Same transaction, same meaning as `emit` per event.
   */
  async emitMany(
    items: readonly { event: NewNotificationEvent; now: string }[],
    version: number,
  ): Promise<string[]> {
    const rows = items.map(({ event, now }) => ({
      id: newId(),
      type: event.type,
      version,
      project_id: event.projectId,
      payload: JSON.stringify({
        title: event.title,
        summary: event.summary,
        facts: event.facts,
        path: event.path,
        data: event.data as Record<string, unknown>,
      } satisfies StoredPayload),
      created_at: now,
    }));
    for (let i = 0; i < rows.length; i += EMIT_CHUNK) {
      await this.db
        .insertInto('notification_events')
        .values(rows.slice(i, i + EMIT_CHUNK))
        .execute();
    }
    if (this.db.getExecutor().adapter instanceof PostgresAdapter) {
      if (rows.length > 0) {
        // graphile-worker's bulk add_jobs: one call for the batch, where add_job per event
        // took about 0.3 ms each.
        await sql`select count(*) from graphile_worker.add_jobs(array(
            select row(${FANOUT_TASK}, json_build_object('eventId', id),
              null, null, null, null, null, null)::graphile_worker.job_spec
            from unnest(${rows.map((r) => r.id)}::text[]) as id))`.execute(this.db);
      }
    } else {
      // SQLite's driver is synchronous and in-process: a statement per job costs microseconds.
      const jobs = new JobRepository(this.db);
      for (const row of rows) {
        await jobs.enqueue(FANOUT_TASK, { eventId: row.id }, { now: row.created_at });
      }
    }
    return rows.map((r) => r.id);
  }

  async find(id: string): Promise<NotificationEventRecord | null> {
    const row = await this.db
      .selectFrom('notification_events')
      .leftJoin('projects', 'projects.id', 'notification_events.project_id')
      .selectAll('notification_events')
      .select('projects.name as project_name')
      .where('notification_events.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const payload = JSON.parse(row.payload) as StoredPayload;
    return {
      id: row.id,
      type: row.type,
      version: row.version,
      projectId: row.project_id,
      projectName: row.project_name,
      ...payload,
      createdAt: row.created_at,
    };
  }

  /** A project's events, newest first (tests and the delivery log read them). */
  async listForProject(projectId: string, limit = 100): Promise<NotificationEventRecord[]> {
    const rows = await this.db
      .selectFrom('notification_events')
      .select('id')
      .where('project_id', '=', projectId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const found = await Promise.all(rows.map((r) => this.find(r.id)));
    return found.filter((e): e is NotificationEventRecord => e !== null);
  }
}
