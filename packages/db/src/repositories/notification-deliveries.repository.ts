import type { Executor } from './executor.js';
import type { NotificationDeliveriesTable } from '../schema.js';
import { newId } from '../ids.js';

export type DeliveryChannel = 'webhook' | 'slack' | 'teams' | 'email';
export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed' | 'skipped';

/** One destination's copy of one event (or digest) and what its attempts got. */
export interface NotificationDeliveryRecord {
  id: string;
  endpointId: string | null;
  userId: string | null;
  channel: DeliveryChannel;
  eventId: string | null;
  /** `${endpointId}:${eventId}`, `email:${userId}:${eventId}`, `daily:…`, `weekly:…`. */
  dedupeKey: string;
  subject: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

const toDelivery = (row: NotificationDeliveriesTable): NotificationDeliveryRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  userId: row.user_id,
  channel: row.channel as DeliveryChannel,
  eventId: row.event_id,
  dedupeKey: row.dedupe_key,
  subject: row.subject,
  status: row.status as DeliveryStatus,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  lastDurationMs: row.last_duration_ms,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  completedAt: row.completed_at,
});

/** What one attempt got and what happens next. */
export interface DeliveryAttempt {
  status: Extract<DeliveryStatus, 'retrying' | 'succeeded' | 'failed'>;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  /** When the next attempt is due (status retrying), else null. */
  nextAttemptAt: string | null;
  now: string;
}

/** Deliveries: made once per (destination, event) by the fan-out, updated per attempt. */
export class NotificationDeliveryRepository {
  constructor(private readonly db: Executor) {}

  /**
   * A new delivery, or null when one with the same dedupe key exists (a second fan-out of
   * the same event, a digest fired twice in its period): nothing is written then.
   */
  async insertIfNew(input: {
    endpointId: string | null;
    userId: string | null;
    channel: DeliveryChannel;
    eventId: string | null;
    dedupeKey: string;
    subject?: string | null;
    now: string;
  }): Promise<string | null> {
    const id = newId();
    const row = await this.db
      .insertInto('notification_deliveries')
      .values({
        id,
        endpoint_id: input.endpointId,
        user_id: input.userId,
        channel: input.channel,
        event_id: input.eventId,
        dedupe_key: input.dedupeKey,
        subject: input.subject ?? null,
        status: 'pending',
        attempts: 0,
        last_status_code: null,
        last_error: null,
        last_duration_ms: null,
        next_attempt_at: null,
        created_at: input.now,
        updated_at: input.now,
        completed_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async findById(id: string): Promise<NotificationDeliveryRecord | null> {
    const row = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  /** An endpoint's deliveries, newest first (the delivery log). */
  async listForEndpoint(endpointId: string, limit = 50): Promise<NotificationDeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Every delivery of one event, oldest first. */
  async listForEvent(eventId: string): Promise<NotificationDeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  }

  /** A person's email deliveries, newest first. */
  async listForUser(userId: string, limit = 50): Promise<NotificationDeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** The daily digest's waiting rows (dedupe key `daily:…`), per person, oldest first. */
  async listPendingDaily(): Promise<NotificationDeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('dedupe_key', 'like', 'daily:%')
      .orderBy('user_id')
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  }

  /** Records one attempt: its count, code, error and duration, and what comes next. */
  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<void> {
    const done = attempt.status !== 'retrying';
    await this.db
      .updateTable('notification_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: attempt.status,
        last_status_code: attempt.statusCode,
        last_error: attempt.error,
        last_duration_ms: attempt.durationMs,
        next_attempt_at: attempt.nextAttemptAt,
        completed_at: done ? attempt.now : null,
        updated_at: attempt.now,
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Closes rows without an attempt of their own (a digest sent them, or nothing to send). */
  async complete(
    ids: string[],
    status: 'succeeded' | 'skipped',
    now: string,
    error: string | null = null,
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notification_deliveries')
      .set({ status, completed_at: now, updated_at: now, next_attempt_at: null, last_error: error })
      .where('id', 'in', ids)
      .execute();
  }

  /** "Send again": back to pending (attempts kept); true when the row exists. */
  async resetForResend(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'pending', next_attempt_at: null, completed_at: null, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
