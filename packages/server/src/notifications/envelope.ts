import type { NotificationEnvelope, NotificationEventType } from '@sextant/core';
import type { NotificationEventRecord } from '@sextant/db';
import { absoluteUrl, type NotificationConfig } from './config.js';

/** The event as sent: what was stored, with its link made absolute. */
export function envelopeOf(
  event: NotificationEventRecord,
  config: Pick<NotificationConfig, 'publicUrl'>,
): NotificationEnvelope {
  return {
    id: event.id,
    type: event.type as NotificationEventType,
    version: event.version,
    occurredAt: event.createdAt,
    project:
      event.projectId !== null ? { id: event.projectId, name: event.projectName ?? '' } : null,
    title: event.title,
    summary: event.summary,
    facts: event.facts,
    url: absoluteUrl(config, event.path),
    data: event.data,
  };
}
