import type {
  EndpointDelivery,
  Endpoint,
  EndpointWithSecret,
  Subscriber,
  Subscription,
  UnsubscribeView,
} from '@sextant/core';
import type {
  DeliveryLogRecord,
  NotificationEndpointRecord,
  NotificationSubscriptionRecord,
  UnsubscribeRecord,
} from '@sextant/db';

/**
 * Where an endpoint sends, as a reader who may not change it sees it: the scheme and host
 * only, since a Slack or Teams incoming-webhook URL is itself a credential.
 */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '…';
  }
}

/** An endpoint as its readers see it: never its secret; its full URL only for its admins. */
export const presentEndpoint = (
  e: NotificationEndpointRecord,
  projectName: string | null = null,
  fullUrl = true,
): Endpoint => ({
  id: e.id,
  projectId: e.projectId,
  projectName,
  kind: e.kind,
  name: e.name,
  url: fullUrl ? e.url : maskedUrl(e.url),
  events: e.events,
  enabled: e.disabledAt === null,
  disabledAt: e.disabledAt,
  disabledReason: e.disabledReason,
  failingSince: e.failingSince,
  lastSuccessAt: e.lastSuccessAt,
  createdBy: e.createdBy,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** An endpoint just made or rotated: the only answers that carry its signing secret. */
export const presentEndpointWithSecret = (
  e: NotificationEndpointRecord,
  projectName: string | null,
): EndpointWithSecret => ({ ...presentEndpoint(e, projectName), secret: e.secret });

export const presentDelivery = (d: DeliveryLogRecord): EndpointDelivery => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  channel: d.channel as EndpointDelivery['channel'],
  status: d.status as EndpointDelivery['status'],
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  lastDurationMs: d.lastDurationMs,
  nextAttemptAt: d.nextAttemptAt,
  createdAt: d.createdAt,
  completedAt: d.completedAt,
});

/** My settings for a project; a project I never saved settings for reads as off. */
export const presentSubscription = (
  project: { id: string; name: string },
  s: NotificationSubscriptionRecord | undefined,
): Subscription => ({
  projectId: project.id,
  projectName: project.name,
  events: s?.events ?? [],
  mode: s?.mode ?? 'off',
  weeklyDigest: s?.weeklyDigest ?? false,
});

export const presentSubscriber = (s: NotificationSubscriptionRecord): Subscriber => ({
  user: { id: s.userId, name: s.userName, email: s.userEmail },
  events: s.events,
  mode: s.mode,
  weeklyDigest: s.weeklyDigest,
});

/** What an unsubscribe link stops, for the person it was mailed to. */
export const presentUnsubscribe = (
  l: UnsubscribeRecord,
  email: string,
  project: { id: string; name: string } | null,
): UnsubscribeView => ({
  email,
  kind: l.kind,
  project,
  usedAt: l.usedAt,
});
