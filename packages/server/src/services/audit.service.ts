import type { AuditEvent } from '@sextant/core';
import type { PageRequest } from '@sextant/db';
import { presentAudit } from '../presenters/audit.js';
import { presentPage } from '../presenters/page.js';
import type { ServiceDeps } from './deps.js';

/** The audit log as it is read: the workspace's, or one team's; newest first. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    query: PageRequest & { action?: string | undefined; teamId?: string | undefined },
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    return presentPage(await this.deps.store.repos.audit.list(query), presentAudit);
  }
}
