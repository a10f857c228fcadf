import type { Repositories, Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { NotificationConfig } from './config.js';
import type { Mailer } from './mailer.js';
import type { JobHandler } from '../jobs/index.js';

export type { JobHandler };

/** What the notification jobs run on. */
export interface NotificationDeps {
  store: Store;
  clock: Clock;
  config: NotificationConfig;
  /** Null when SEXTANT_SMTP_URL is unset: email deliveries are skipped. */
  mailer: Mailer | null;
}

/** Job names (agreed with the queue and the emitters). */
export const TASKS = {
  fanout: 'notify.fanout',
  deliver: 'notify.deliver',
  dailyDigest: 'notify.daily-digest',
  weeklyDigest: 'notify.weekly-digest',
  invitationMail: 'notify.invitation-mail',
} as const;

/** A payload field the handler needs, or a clear error (the queue records it). */
export function payloadString(payload: unknown, field: string): string {
  const value =
    payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>)[field]
      : undefined;
  if (typeof value !== 'string' || value === '') {
    throw new Error(`job payload needs a string "${field}"`);
  }
  return value;
}

/**
 * A send goes ahead of fan-outs still waiting (lower runs first): in a burst of events the
 * first ones reach their receivers while the rest are fanned out, not all after the burst.
 */
export const DELIVERY_PRIORITY = -1;

/**
 * The one way a delivery's send is queued: keyed by the delivery, so at most one send of it
 * waits at a time (a "send again" while a retry waits replaces that retry; graphile's
 * job_key, and the same on SQLite's table), in the caller's transaction.
 */
export function enqueueDelivery(
  repos: Repositories,
  deliveryId: string,
  now: string,
  delayMs = 0,
): Promise<void> {
  return repos.jobs.enqueue(
    TASKS.deliver,
    { deliveryId },
    { now, delayMs, key: `${TASKS.deliver}:${deliveryId}`, priority: DELIVERY_PRIORITY },
  );
}
