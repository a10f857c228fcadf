import type { Executor, PageRequest, PageResult } from './executor.js';
import { decodeCursor, toPage } from './executor.js';
import { newId } from '../ids.js';

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  teamId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Never a secret: no password, no token, no session id. */
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  at: string;
  action: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  teamId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(entry: AuditEntry, now: string): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        id: newId(),
        at: now,
        action: entry.action,
        actor_user_id: entry.actorUserId ?? null,
        actor_token_id: entry.actorTokenId ?? null,
        team_id: entry.teamId ?? null,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        ip: entry.ip ?? null,
        details_json: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  /** Newest first; filter by action or by team. */
  async list(
    page: PageRequest & { action?: string | undefined; teamId?: string | undefined },
  ): Promise<PageResult<AuditRecord>> {
    let query = this.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit + 1);
    const after = decodeCursor(page.cursor);
    if (after) query = query.where('id', '<', after);
    if (page.action) query = query.where('action', '=', page.action);
    if (page.teamId) query = query.where('team_id', '=', page.teamId);
    const rows = await query.execute();
    return toPage(
      rows.map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        actorUserId: r.actor_user_id,
        actorTokenId: r.actor_token_id,
        teamId: r.team_id,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        details: JSON.parse(r.details_json) as Record<string, unknown>,
      })),
      page.limit,
    );
  }
}
