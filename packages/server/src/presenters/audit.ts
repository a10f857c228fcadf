import { auditPhrase, csvRow, type AuditActor, type AuditEvent } from '@sextant/core';
import type { AuditRow } from '@sextant/db';

/** Who did it, by name: the person, else the token, else nobody signed in, else the system. */
function actorOf(a: AuditRow): AuditActor {
  if (a.actorUserId) {
    return {
      kind: 'user',
      name: a.actorName ?? 'deleted account',
      email: a.actorEmail,
      tokenName: a.actorTokenName,
    };
  }
  if (a.actorTokenId) {
    return {
      kind: 'token',
      name: a.actorTokenName ?? 'token',
      email: null,
      tokenName: a.actorTokenName,
    };
  }
  if (a.ip) return { kind: 'anonymous', name: 'anonymous', email: null, tokenName: null };
  return { kind: 'system', name: 'system', email: null, tokenName: null };
}

export const presentAudit = (a: AuditRow): AuditEvent => ({
  id: a.id,
  at: a.at,
  action: a.action,
  summary: auditPhrase(a.action),
  actor: actorOf(a),
  actorUserId: a.actorUserId,
  actorTokenId: a.actorTokenId,
  teamId: a.teamId,
  targetType: a.targetType,
  targetId: a.targetId,
  targetName: a.targetName,
  project: a.projectId ? { id: a.projectId, name: a.projectName } : null,
  ip: a.ip,
  details: a.details,
});

/** The CSV download's columns, in order. */
export const AUDIT_CSV_HEADER = csvRow([
  'time',
  'who',
  'email',
  'token',
  'action',
  'what',
  'object type',
  'object id',
  'object name',
  'project id',
  'project',
  'ip',
  'details',
]);

/** One event as a CSV record (every text cell neutralised against CSV injection). */
export const auditCsvRow = (e: AuditEvent): string =>
  csvRow([
    e.at,
    e.actor.name,
    e.actor.email,
    e.actor.tokenName,
    e.action,
    e.summary,
    e.targetType,
    e.targetId,
    e.targetName,
    e.project?.id,
    e.project?.name,
    e.ip,
    JSON.stringify(e.details),
  ]);
