import { z } from 'zod';
import { CalendarDate, PageQuery } from './common.js';

/** The audit log's filters, the same for the page and the CSV download. */
export const AuditFilters = z.strictObject({
  /** Events of this person (the actor's user id). */
  person: z.string().min(1).max(100).optional(),
  action: z.string().max(100).optional(),
  /** Events about this project; another team's project answers 404 like a missing one. */
  project: z.string().min(1).max(100).optional(),
  /** The first day (UTC), included. */
  from: CalendarDate.optional(),
  /** The last day (UTC), included. */
  to: CalendarDate.optional(),
});

const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const FROM_AFTER_TO = { message: 'must be on or after from', path: ['to'] };

/** A page of the audit log, newest first. */
export const AuditQuery = PageQuery.extend(AuditFilters.shape).refine(
  fromNotAfterTo,
  FROM_AFTER_TO,
);
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The whole filtered audit log as CSV. */
export const AuditCsvQuery = AuditFilters.refine(fromNotAfterTo, FROM_AFTER_TO);
export type AuditCsvQuery = z.infer<typeof AuditCsvQuery>;

/**
 * Who did it: a person (perhaps through one of their tokens), a CI token, someone not signed
 * in (a failed sign-in, from an address), or the system (the command line).
 */
export const AuditActor = z.object({
  kind: z.enum(['user', 'token', 'anonymous', 'system']),
  /** The person's name, the token's name, 'anonymous' or 'system'. */
  name: z.string(),
  email: z.string().nullable(),
  /** The token a person or a pipeline used, by name. */
  tokenName: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  /** The action in words ("Closed a sprint"); the action itself when it has none. */
  summary: z.string(),
  actor: AuditActor,
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  teamId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name or title while it exists, null otherwise. */
  targetName: z.string().nullable(),
  /** The project the event is about, when it is about one. */
  project: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
