/**
 * The events Sextant tells people about. Each is recorded by the write that caused it, in
 * its transaction, and goes out as one versioned JSON envelope (docs/events.md): webhooks
 * receive it as is, Slack, Teams and email render its title, summary, facts and link.
 */
export const NOTIFICATION_EVENT_TYPES = [
  'alert.opened',
  'alert.cleared',
  'run.below_baseline',
  'run.not_comparable',
  'baseline.promoted',
  'sprint.closed',
  'decision.recorded',
  'stage.changed',
  'deployment.failed',
  'deployment.rolled_back',
  'operator.disagreement_rising',
  'invitation.created',
  'endpoint.disabled',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/** The envelope's version: a receiver can refuse what it does not know. */
export const NOTIFICATION_EVENT_VERSION = 1;

/** A figure as people read it: "Success metric" → "0.812 (threshold 0.80)". */
export interface EventFact {
  label: string;
  value: string;
}

/** What a write records: everything but the id and instant, which the store gives it. */
export interface NewNotificationEvent<Data extends object = Record<string, unknown>> {
  type: NotificationEventType;
  /** The project it is about; null for workspace events. */
  projectId: string | null;
  /** One line: "Alert opened on Churn model: success metric below its threshold". */
  title: string;
  /** A sentence or two with the figures. */
  summary: string;
  facts: EventFact[];
  /** The web app's path that shows it (`/projects/…`); made absolute when sent. */
  path: string;
  /** The event's own fields, documented per type in docs/events.md. */
  data: Data;
}

/** The envelope as stored and sent (the link made absolute with SEXTANT_PUBLIC_URL). */
export interface NotificationEnvelope<Data extends object = Record<string, unknown>> {
  id: string;
  type: NotificationEventType;
  version: number;
  occurredAt: string;
  project: { id: string; name: string } | null;
  title: string;
  summary: string;
  facts: EventFact[];
  url: string;
  data: Data;
}
