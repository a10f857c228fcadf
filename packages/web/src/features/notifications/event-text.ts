import {
  ENDPOINT_EVENT_TYPES,
  NOTIFICATION_EVENT_TYPES,
  WEEKLY_DIGEST_EVENT,
  type EndpointEvent,
  type EndpointKind,
  type EndpointDeliveryStatus,
  type SubscriptionMode,
} from '@sextant/core';

/** Each event in words, for the checkboxes and the delivery log. */
export const EVENT_LABELS: Record<EndpointEvent, string> = {
  'alert.opened': 'Alert opened',
  'alert.cleared': 'Alert cleared',
  'run.below_baseline': 'CI run below the baseline',
  'run.not_comparable': 'CI run not comparable',
  'baseline.promoted': 'Baseline promoted',
  'sprint.closed': 'Sprint closed',
  'decision.recorded': 'Decision recorded',
  'stage.changed': 'Stage changed',
  'deployment.failed': 'Deployment failed',
  'deployment.rolled_back': 'Deployment rolled back',
  'operator.disagreement_rising': 'Operator disagreement rising',
  'invitation.created': 'Invitation created',
  'endpoint.disabled': 'Endpoint disabled',
  [WEEKLY_DIGEST_EVENT]: 'Weekly sponsor digest',
};

/** An event type as people read it (a test send is `ping`). */
export function eventLabel(type: string | null): string {
  if (type === 'ping') return 'Test';
  if (type === null) return '—';
  return (EVENT_LABELS as Record<string, string>)[type] ?? type;
}

/** The events an endpoint of this kind may choose (the weekly digest goes to Slack only). */
export const eventsFor = (kind: EndpointKind): readonly EndpointEvent[] =>
  kind === 'slack' ? ENDPOINT_EVENT_TYPES : NOTIFICATION_EVENT_TYPES;

/** "Every event", or the chosen ones in words. */
export function eventsSummary(events: readonly string[]): string {
  return events.length === 0 ? 'Every event' : events.map(eventLabel).join(', ');
}

export const KIND_LABELS: Record<EndpointKind, string> = {
  webhook: 'Webhook',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};

export const KIND_HINTS: Record<EndpointKind, string> = {
  webhook: 'Signed JSON to your own service (Sextant-Signature header, see the API docs).',
  slack:
    'A Slack incoming-webhook URL (https://hooks.slack.com/…): a readable message with the link.',
  teams: 'A Microsoft Teams incoming-webhook URL: a card with the figures and the link.',
};

export const STATUS_TONES: Record<
  EndpointDeliveryStatus,
  'neutral' | 'accent' | 'success' | 'warning' | 'danger'
> = {
  pending: 'accent',
  retrying: 'warning',
  succeeded: 'success',
  failed: 'danger',
  skipped: 'neutral',
};

export const STATUS_LABELS: Record<EndpointDeliveryStatus, string> = {
  pending: 'Sending',
  retrying: 'Retrying',
  succeeded: 'Delivered',
  failed: 'Failed',
  skipped: 'Skipped',
};

export const MODE_LABELS: Record<SubscriptionMode, { label: string; help: string }> = {
  off: { label: 'Off', help: 'No email about this project.' },
  instant: { label: 'At once', help: 'An email for each event, as it happens.' },
  daily: { label: 'Daily digest', help: "One email a day with the day's events." },
};
