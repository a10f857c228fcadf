import type { Executor, PageRequest, PageResult } from './executor.js';
import { decodeCursor, toPage } from './executor.js';
import { newId } from '../ids.js';

/** One endpoint's copy of one event, as its delivery log shows it. */
export interface DeliveryLogRecord {
  id: string;
  endpointId: string | null;
  eventId: string | null;
  eventType: string | null;
  channel: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
}

/**
 * What the API reads of deliveries: an endpoint's log, newest first, a page at a time, each
 * with its event's type; and a test event sent to one endpoint only. The sender's writes
 * (attempts, outcomes, "send again") live in the deliveries repository.
 */
export class NotificationDeliveryLogRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('notification_deliveries')
      .leftJoin('notification_events', 'notification_events.id', 'notification_deliveries.event_id')
      .select([
        'notification_deliveries.id as id',
        'notification_deliveries.endpoint_id as endpoint_id',
        'notification_deliveries.event_id as event_id',
        'notification_events.type as event_type',
        'notification_deliveries.channel as channel',
        'notification_deliveries.status as status',
        'notification_deliveries.attempts as attempts',
        'notification_deliveries.last_status_code as last_status_code',
        'notification_deliveries.last_error as last_error',
        'notification_deliveries.last_duration_ms as last_duration_ms',
        'notification_deliveries.next_attempt_at as next_attempt_at',
        'notification_deliveries.created_at as created_at',
        'notification_deliveries.completed_at as completed_at',
      ]);
  }

  async listForEndpoint(
    endpointId: string,
    page: PageRequest,
  ): Promise<PageResult<DeliveryLogRecord>> {
    let query = this.select().where('notification_deliveries.endpoint_id', '=', endpointId);
    const after = decodeCursor(page.cursor);
    if (after) query = query.where('notification_deliveries.id', '<', after);
    const rows = await query
      .orderBy('notification_deliveries.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(toRecord), page.limit);
  }

  /** One delivery as its log shows it (with its event's type). */
  async findById(id: string): Promise<DeliveryLogRecord | null> {
    const row = await this.select().where('notification_deliveries.id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * A test event (`ping`) for one endpoint: the event row and its one delivery, no fan-out,
   * so no other endpoint and nobody's email receives it. Returns the delivery's id.
   */
  async insertTest(input: {
    endpointId: string;
    projectId: string | null;
    channel: string;
    payload: object;
    now: string;
  }): Promise<string> {
    const eventId = newId();
    await this.db
      .insertInto('notification_events')
      .values({
        id: eventId,
        type: 'ping',
        version: 1,
        project_id: input.projectId,
        payload: JSON.stringify(input.payload),
        created_at: input.now,
      })
      .execute();
    const id = newId();
    await this.db
      .insertInto('notification_deliveries')
      .values({
        id,
        endpoint_id: input.endpointId,
        user_id: null,
        channel: input.channel,
        event_id: eventId,
        dedupe_key: `test:${input.endpointId}:${eventId}`,
        subject: null,
        status: 'pending',
        attempts: 0,
        last_status_code: null,
        last_error: null,
        last_duration_ms: null,
        next_attempt_at: input.now,
        created_at: input.now,
        updated_at: input.now,
        completed_at: null,
      })
      .execute();
    return id;
  }
}

interface LogRow {
  id: string;
  endpoint_id: string | null;
  event_id: string | null;
  event_type: string | null;
  channel: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_attempt_at: string | null;
  created_at: string;
  completed_at: string | null;
}

const toRecord = (row: LogRow): DeliveryLogRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  channel: row.channel,
  status: row.status,
  attempts: Number(row.attempts),
  lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
  lastError: row.last_error,
  lastDurationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  completedAt: row.completed_at,
});
