import { sql } from 'kysely';
import type { Executor, PageRequest, PageResult } from './executor.js';
import { decodeCursor, toPage } from './executor.js';
import { newId } from '../ids.js';

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  /** Left unset, the project's team when the event is about a project. */
  teamId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /**
   * The project the event is about. Left unset, it is found from the target: a project, a
   * sprint, a story or a project token leads to its project; anything else to none.
   */
  projectId?: string | null;
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
  projectId: string | null;
}

/** An event as the audit page reads it: with the names of who did it and what it is about. */
export interface AuditRow extends AuditRecord {
  actorName: string | null;
  actorEmail: string | null;
  actorTokenName: string | null;
  /** The target's name or title, while the target still exists. */
  targetName: string | null;
  projectName: string | null;
}

/** What the audit log is narrowed by; every field set must hold. */
export interface AuditFilter {
  teamId?: string | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  projectId?: string | undefined;
  /** Events at or after this instant. */
  fromAt?: string | undefined;
  /** Events strictly before this instant. */
  beforeAt?: string | undefined;
}

/** Where each target type's project is found (targets of other types belong to none). */
const PROJECT_OF_TARGET = {
  project: { table: 'projects', column: 'id' },
  sprint: { table: 'sprints', column: 'project_id' },
  story: { table: 'stories', column: 'project_id' },
  token: { table: 'api_tokens', column: 'project_id' },
} as const;

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(entry: AuditEntry, now: string): Promise<void> {
    const projectId =
      entry.projectId !== undefined
        ? entry.projectId
        : await this.projectOfTarget(entry.targetType, entry.targetId);
    let teamId = entry.teamId ?? null;
    if (!teamId && projectId) {
      const project = await this.db
        .selectFrom('projects')
        .select('team_id')
        .where('id', '=', projectId)
        .executeTakeFirst();
      teamId = project?.team_id ?? null;
    }
    await this.db
      .insertInto('audit_events')
      .values({
        id: newId(),
        at: now,
        action: entry.action,
        actor_user_id: entry.actorUserId ?? null,
        actor_token_id: entry.actorTokenId ?? null,
        team_id: teamId,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        project_id: projectId,
        ip: entry.ip ?? null,
        details_json: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  private async projectOfTarget(
    type: string | null | undefined,
    id: string | null | undefined,
  ): Promise<string | null> {
    if (!type || !id || !Object.hasOwn(PROJECT_OF_TARGET, type)) return null;
    const { table, column } = PROJECT_OF_TARGET[type as keyof typeof PROJECT_OF_TARGET];
    const row = await this.db
      .selectFrom(table)
      .select(sql<string | null>`${sql.ref(column)}`.as('project_id'))
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.project_id ?? null;
  }

  /** Newest first, narrowed by the filter; with the actor's, token's, target's and project's names. */
  async list(page: PageRequest & AuditFilter): Promise<PageResult<AuditRow>> {
    let query = this.db
      .selectFrom('audit_events')
      .leftJoin('users as actor', 'actor.id', 'audit_events.actor_user_id')
      .leftJoin('api_tokens as via', 'via.id', 'audit_events.actor_token_id')
      .leftJoin('projects as project', 'project.id', 'audit_events.project_id')
      .selectAll('audit_events')
      .select([
        'actor.name as actor_name',
        'actor.email as actor_email',
        'via.name as actor_token_name',
        'project.name as project_name',
        sql<string | null>`case audit_events.target_type
          when 'project' then (select x.name from projects x where x.id = audit_events.target_id)
          when 'team' then (select x.name from teams x where x.id = audit_events.target_id)
          when 'user' then (select x.name from users x where x.id = audit_events.target_id)
          when 'sprint' then (select x.name from sprints x where x.id = audit_events.target_id)
          when 'story' then (select x.title from stories x where x.id = audit_events.target_id)
          when 'token' then (select x.name from api_tokens x where x.id = audit_events.target_id)
        end`.as('target_name'),
      ])
      .orderBy('audit_events.id', 'desc')
      .limit(page.limit + 1);
    const after = decodeCursor(page.cursor);
    if (after) query = query.where('audit_events.id', '<', after);
    if (page.action) query = query.where('audit_events.action', '=', page.action);
    if (page.teamId) query = query.where('audit_events.team_id', '=', page.teamId);
    if (page.projectId) query = query.where('audit_events.project_id', '=', page.projectId);
    if (page.actorUserId) {
      query = query.where('audit_events.actor_user_id', '=', page.actorUserId);
    }
    if (page.fromAt) query = query.where('audit_events.at', '>=', page.fromAt);
    if (page.beforeAt) query = query.where('audit_events.at', '<', page.beforeAt);
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
        projectId: r.project_id,
        ip: r.ip,
        details: JSON.parse(r.details_json) as Record<string, unknown>,
        actorName: r.actor_name,
        actorEmail: r.actor_email,
        actorTokenName: r.actor_token_name,
        targetName: r.target_name,
        projectName: r.project_name,
      })),
      page.limit,
    );
  }
}
