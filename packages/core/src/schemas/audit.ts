import { z } from 'zod';
import { PageQuery } from './common.js';

export const AuditQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
});

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  teamId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
