import type { Executor } from './executor.js';
import type { NotificationEndpointsTable } from '../schema.js';
import { newId } from '../ids.js';

export type EndpointKind = 'webhook' | 'slack' | 'teams';

/** An endpoint as services see it; `secret` is read only by the sender. */
export interface NotificationEndpointRecord {
  id: string;
  /** Null: a workspace endpoint. */
  projectId: string | null;
  kind: EndpointKind;
  name: string;
  url: string;
  /** Event types it receives; empty means every event. */
  events: string[];
  secret: string;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  lastSuccessAt: string | null;
}

type EndpointRow = NotificationEndpointsTable & {
  creator_name: string | null;
  creator_email: string | null;
};

const toEndpoint = (row: EndpointRow): NotificationEndpointRecord => ({
  id: row.id,
  projectId: row.project_id,
  kind: row.kind as EndpointKind,
  name: row.name,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  secret: row.secret,
  createdBy:
    row.created_by && row.creator_name !== null && row.creator_email !== null
      ? { id: row.created_by, name: row.creator_name, email: row.creator_email }
      : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  disabledAt: row.disabled_at,
  disabledReason: row.disabled_reason,
  failingSince: row.failing_since,
  lastSuccessAt: row.last_success_at,
});

/** Webhook, Slack and Teams endpoints of a project or of the workspace. */
export class NotificationEndpointRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('notification_endpoints')
      .leftJoin('users', 'users.id', 'notification_endpoints.created_by')
      .selectAll('notification_endpoints')
      .select(['users.name as creator_name', 'users.email as creator_email']);
  }

  async insert(input: {
    projectId: string | null;
    kind: EndpointKind;
    name: string;
    url: string;
    events: string[];
    secret: string;
    createdBy: string | null;
    now: string;
  }): Promise<NotificationEndpointRecord> {
    const id = newId();
    await this.db
      .insertInto('notification_endpoints')
      .values({
        id,
        project_id: input.projectId,
        kind: input.kind,
        name: input.name,
        url: input.url,
        events: JSON.stringify(input.events),
        secret: input.secret,
        created_by: input.createdBy,
        created_at: input.now,
        updated_at: input.now,
        disabled_at: null,
        disabled_reason: null,
        failing_since: null,
        last_success_at: null,
      })
      .execute();
    const created = await this.findById(id);
    if (!created) throw new Error('endpoint vanished inside its own transaction');
    return created;
  }

  async findById(id: string): Promise<NotificationEndpointRecord | null> {
    const row = await this.select().where('notification_endpoints.id', '=', id).executeTakeFirst();
    return row ? toEndpoint(row) : null;
  }

  /** A project's own endpoints (not the workspace's), oldest first. */
  async listForProject(projectId: string): Promise<NotificationEndpointRecord[]> {
    const rows = await this.select()
      .where('notification_endpoints.project_id', '=', projectId)
      .orderBy('notification_endpoints.id')
      .execute();
    return rows.map(toEndpoint);
  }

  /** Workspace endpoints only (project null), oldest first. */
  async listWorkspace(): Promise<NotificationEndpointRecord[]> {
    const rows = await this.select()
      .where('notification_endpoints.project_id', 'is', null)
      .orderBy('notification_endpoints.id')
      .execute();
    return rows.map(toEndpoint);
  }

  /** Every endpoint of the workspace and of every project (what a workspace admin sees). */
  async listAll(): Promise<NotificationEndpointRecord[]> {
    const rows = await this.select().orderBy('notification_endpoints.id').execute();
    return rows.map(toEndpoint);
  }

  /**
   * Where an event of this project and type goes: the project's and the workspace's enabled
   * endpoints whose list is empty or names the type. A workspace event (no project) goes to
   * workspace endpoints only.
   */
  async listForEvent(
    projectId: string | null,
    type: string,
  ): Promise<NotificationEndpointRecord[]> {
    let query = this.select().where('notification_endpoints.disabled_at', 'is', null);
    query =
      projectId === null
        ? query.where('notification_endpoints.project_id', 'is', null)
        : query.where((eb) =>
            eb.or([
              eb('notification_endpoints.project_id', '=', projectId),
              eb('notification_endpoints.project_id', 'is', null),
            ]),
          );
    const rows = await query.orderBy('notification_endpoints.id').execute();
    return rows.map(toEndpoint).filter((e) => e.events.length === 0 || e.events.includes(type));
  }

  async update(
    id: string,
    fields: { name?: string; url?: string; events?: string[]; enabled?: boolean },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('notification_endpoints')
      .set({
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.url !== undefined ? { url: fields.url } : {}),
        ...(fields.events !== undefined ? { events: JSON.stringify(fields.events) } : {}),
        ...(fields.enabled === true
          ? { disabled_at: null, disabled_reason: null, failing_since: null }
          : {}),
        ...(fields.enabled === false
          ? { disabled_at: now, disabled_reason: 'disabled by a person' }
          : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async setSecret(id: string, secret: string, now: string): Promise<void> {
    await this.db
      .updateTable('notification_endpoints')
      .set({ secret, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** A delivery got a 2xx: the endpoint is healthy again. */
  async markSucceeded(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('notification_endpoints')
      .set({ failing_since: null, last_success_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** A delivery failed: remember since when, keeping the first instant of the streak. */
  async markFailing(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('notification_endpoints')
      .set({ failing_since: now })
      .where('id', '=', id)
      .where('failing_since', 'is', null)
      .execute();
  }

  /** Disables it with the reason; true when this call did it (so owners are told once). */
  async disable(id: string, reason: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_endpoints')
      .set({ disabled_at: now, disabled_reason: reason, updated_at: now })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('notification_endpoints').where('id', '=', id).execute();
  }
}
