import type { NewNotificationEvent } from '@sextant/core';
import type { Executor } from './executor.js';
import { newId } from '../ids.js';
import { JobRepository } from './jobs.repository.js';

/** The job that turns one event into its deliveries. */
export const FANOUT_TASK = 'notify.fanout';

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
