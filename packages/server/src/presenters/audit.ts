import type { AuditEvent } from '@sextant/core';
import type { AuditRecord } from '@sextant/db';

export const presentAudit = (a: AuditRecord): AuditEvent => ({ ...a });
