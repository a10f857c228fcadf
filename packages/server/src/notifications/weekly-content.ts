import type { NotificationDeps } from './deps.js';

/** `weekly:${projectId}:${userId|endpointId}:${ISO week}` → its parts; null for other keys. */
export function parseWeeklyKey(
  key: string,
): { projectId: string; target: string; week: string } | null {
  const match = /^weekly:([^:]+):([^:]+):(\d{4}-W\d{2})$/.exec(key);
  return match ? { projectId: match[1]!, target: match[2]!, week: match[3]! } : null;
}

export interface WeeklyDigestContent {
  subject: string;
  text: string;
  html: string;
  slackBlocks: Record<string, unknown>[];
}

/** The project's weekly sponsor digest as of now; null when the project is gone. */
export async function weeklyDigestFor(
  _deps: NotificationDeps,
  _projectId: string,
  _unsubscribeUrl: string | null,
): Promise<WeeklyDigestContent | null> {
  return null;
}
