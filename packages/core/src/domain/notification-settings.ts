import { NOTIFICATION_EVENT_TYPES } from './notification-events.js';

/** Where an endpoint sends: a plain webhook (signed JSON), a Slack or a Teams incoming webhook. */
export const ENDPOINT_KINDS = ['webhook', 'slack', 'teams'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

/** The weekly sponsor digest, which a Slack endpoint may receive besides the events. */
export const WEEKLY_DIGEST_EVENT = 'digest.weekly';

/** What an endpoint may list: every event type, and the weekly digest (Slack only). */
export const ENDPOINT_EVENT_TYPES = [...NOTIFICATION_EVENT_TYPES, WEEKLY_DIGEST_EVENT] as const;
export type EndpointEvent = (typeof ENDPOINT_EVENT_TYPES)[number];

/** Where one delivery stands: being sent, waiting for a retry, done, given up, or not sent. */
export const ENDPOINT_DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'succeeded',
  'failed',
  'skipped',
] as const;
export type EndpointDeliveryStatus = (typeof ENDPOINT_DELIVERY_STATUSES)[number];

/** A person's emails about a project: each event at once, a daily digest, or none. */
export const SUBSCRIPTION_MODES = ['instant', 'daily', 'off'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];
