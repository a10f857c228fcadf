import {
  notFound,
  utcDay,
  type AuditCsvQuery,
  type AuditEvent,
  type AuditQuery,
} from '@sextant/core';
import type { AuditFilter } from '@sextant/db';
import { AUDIT_CSV_HEADER, auditCsvRow, presentAudit } from '../presenters/audit.js';
import { presentPage } from '../presenters/page.js';
import type { ServiceDeps } from './deps.js';

/** Whose log is read: the whole workspace's, or one team's. */
export interface AuditScope {
  teamId?: string | undefined;
}

/** How many events the CSV download reads from the database at a time. */
const CSV_BATCH = 500;

const DAY_MS = 24 * 3600 * 1000;
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString();

/** The audit log as it is read: the workspace's, or one team's; newest first. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    scope: AuditScope,
    query: AuditQuery,
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const filter = await this.filterOf(scope, query);
    const page = await this.deps.store.repos.audit.list({
      ...filter,
      limit: query.limit,
      cursor: query.cursor,
    });
    return presentPage(page, presentAudit);
  }

  /**
   * The filtered log as CSV, header first, read from the database a batch at a time so a
   * large log is never in memory at once. The filter is checked before the first line.
   */
  async csv(
    scope: AuditScope,
    query: AuditCsvQuery,
  ): Promise<{ filename: string; lines: AsyncGenerator<string> }> {
    const filter = await this.filterOf(scope, query);
    const audit = this.deps.store.repos.audit;
    const filename = `sextant-audit-${utcDay(this.deps.clock.now())}.csv`;
    const lines = (async function* lines() {
      yield AUDIT_CSV_HEADER;
      let cursor: string | undefined;
      do {
        const page = await audit.list({ ...filter, limit: CSV_BATCH, cursor });
        yield page.items.map((r) => auditCsvRow(presentAudit(r))).join('');
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    })();
    return { filename, lines };
  }

  /**
   * The query as the repository filters: days become instants (`to` included), and a project
   * outside the scope answers 404 like a missing one.
   */
  private async filterOf(scope: AuditScope, query: AuditCsvQuery): Promise<AuditFilter> {
    if (query.project) {
      const project = await this.deps.store.repos.projects.findById(query.project);
      if (!project || (scope.teamId && project.teamId !== scope.teamId)) throw notFound('Project');
    }
    return {
      teamId: scope.teamId,
      actorUserId: query.person,
      action: query.action,
      projectId: query.project,
      fromAt: query.from ? `${query.from}T00:00:00.000Z` : undefined,
      beforeAt: query.to ? nextDay(query.to) : undefined,
    };
  }
}
