import {
  decideRetry,
  eventEmail,
  slackMessage,
  teamsMessage,
  SEXTANT_VERSION,
  type NotificationEnvelope,
} from '@sextant/core';
import type {
  NotificationDeliveryRecord,
  NotificationEndpointRecord,
  Repositories,
} from '@sextant/db';
import { iso } from '../clock.js';
import { enqueueDelivery, payloadString, type JobHandler, type NotificationDeps } from './deps.js';
import { envelopeOf } from './envelope.js';
import { mayReadProject } from './fanout.js';
import { sendHttp, type SendResult } from './http-send.js';
import type { OutgoingMail } from './mailer.js';
import { signatureHeader } from './signature.js';
import { tellOwnersEndpointDisabled } from './endpoint-disabled.js';
import { createUnsubscribeLink } from './unsubscribe.js';
import { parseWeeklyKey, weeklyDigestFor } from './weekly-content.js';

type Prepared =
  | { kind: 'skip'; reason: string }
  | { kind: 'send'; endpoint: NotificationEndpointRecord | null; send: () => Promise<SendResult> };

const json = { 'Content-Type': 'application/json', 'User-Agent': `Sextant/${SEXTANT_VERSION}` };

function mailSender(deps: NotificationDeps, mail: OutgoingMail): () => Promise<SendResult> {
  return async () => {
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      if (!deps.mailer) throw new Error('email is not configured (SEXTANT_SMTP_URL)');
      await deps.mailer.send(mail);
      return { statusCode: null, durationMs: durationMs(), error: null, retryable: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { statusCode: null, durationMs: durationMs(), error: message, retryable: true };
    }
  };
}

function endpointSender(
  deps: NotificationDeps,
  endpoint: NotificationEndpointRecord,
  delivery: NotificationDeliveryRecord,
  envelope: NotificationEnvelope | null,
  slackDigest: object | null,
): Prepared {
  const allowPrivate = deps.config.allowPrivateWebhooks;
  if (envelope === null) {
    if (endpoint.kind !== 'slack' || slackDigest === null) {
      return { kind: 'skip', reason: 'the digest goes to Slack endpoints only' };
    }
    const body = JSON.stringify(slackDigest);
    return {
      kind: 'send',
      endpoint,
      send: () => sendHttp({ url: endpoint.url, body, headers: json, allowPrivate }),
    };
  }
  if (endpoint.kind === 'webhook') {
    const body = JSON.stringify(envelope);
    return {
      kind: 'send',
      endpoint,
      send: () =>
        sendHttp({
          url: endpoint.url,
          body,
          allowPrivate,
          headers: {
            ...json,
            'Sextant-Event': envelope.type,
            'Sextant-Event-Id': envelope.id,
            'Sextant-Delivery': delivery.id,
            // Signed at the attempt: each retry carries a fresh timestamp.
            'Sextant-Signature': signatureHeader(endpoint.secret, body, deps.clock.now()),
          },
        }),
    };
  }
  const body = JSON.stringify(
    endpoint.kind === 'slack' ? slackMessage(envelope) : teamsMessage(envelope),
  );
  return {
    kind: 'send',
    endpoint,
    send: () => sendHttp({ url: endpoint.url, body, headers: json, allowPrivate }),
  };
}

/** What this delivery sends and how, read fresh at each attempt. */
async function prepare(
  deps: NotificationDeps,
  repos: Repositories,
  delivery: NotificationDeliveryRecord,
  now: string,
): Promise<Prepared> {
  const event = delivery.eventId ? await repos.notificationEvents.find(delivery.eventId) : null;
  const envelope = event ? envelopeOf(event, deps.config) : null;
  const weekly = event ? null : parseWeeklyKey(delivery.dedupeKey);
  if (!envelope && !weekly) return { kind: 'skip', reason: 'its event no longer exists' };

  if (delivery.endpointId !== null) {
    const endpoint = await repos.notificationEndpoints.findById(delivery.endpointId);
    if (!endpoint) return { kind: 'skip', reason: 'the endpoint was deleted' };
    if (endpoint.disabledAt !== null) return { kind: 'skip', reason: 'the endpoint is disabled' };
    const digest = weekly ? await weeklyDigestFor(deps, weekly.projectId, null) : null;
    if (weekly && !digest) return { kind: 'skip', reason: 'the project no longer exists' };
    return endpointSender(
      deps,
      endpoint,
      delivery,
      envelope,
      digest ? { text: digest.slackText, blocks: digest.slackBlocks } : null,
    );
  }

  if (delivery.userId === null) return { kind: 'skip', reason: 'nobody to send it to' };
  if (!deps.mailer) return { kind: 'skip', reason: 'email is not configured (SEXTANT_SMTP_URL)' };
  const user = await repos.users.findById(delivery.userId);
  if (!user || user.deactivatedAt !== null)
    return { kind: 'skip', reason: 'the account is deactivated' };
  const projectId = envelope?.project?.id ?? weekly?.projectId ?? null;
  // endpoint.disabled notices go to admins by role, not by subscription.
  if (projectId !== null && envelope?.type !== 'endpoint.disabled') {
    if (!(await mayReadProject(repos, user.id, projectId))) {
      return { kind: 'skip', reason: 'the person may no longer read the project' };
    }
  }
  const unsubscribeUrl = await createUnsubscribeLink(repos, deps.config, {
    userId: user.id,
    projectId,
    kind: weekly ? 'weekly' : 'events',
    now,
  });
  if (envelope) {
    const message = eventEmail(envelope, unsubscribeUrl);
    return {
      kind: 'send',
      endpoint: null,
      send: mailSender(deps, { to: user.email, unsubscribeUrl, ...message }),
    };
  }
  const digest = await weeklyDigestFor(deps, weekly!.projectId, unsubscribeUrl);
  if (!digest) return { kind: 'skip', reason: 'the project no longer exists' };
  return {
    kind: 'send',
    endpoint: null,
    send: mailSender(deps, {
      to: user.email,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      unsubscribeUrl,
    }),
  };
}

/**
 * One attempt of one delivery: skipped unless it is pending or retrying; sent on its channel;
 * the attempt recorded; on failure the next attempt enqueued with its backoff in the same
 * transaction, or the delivery given up after 24 h (and an endpoint failing for 3 days
 * disabled, its owners told).
 */
export async function deliver(deps: NotificationDeps, deliveryId: string): Promise<void> {
  const { store, clock, config } = deps;
  const delivery = await store.repos.notificationDeliveries.findById(deliveryId);
  if (!delivery || (delivery.status !== 'pending' && delivery.status !== 'retrying')) return;
  // Reads on the store (not in a transaction: the digest's reads go through services). The
  // unsubscribe link is stored before the mail goes out, so it works when it arrives.
  const prepared = await prepare(deps, store.repos, delivery, iso(clock.now()));
  if (prepared.kind === 'skip') {
    await store.repos.notificationDeliveries.complete(
      [delivery.id],
      'skipped',
      iso(clock.now()),
      prepared.reason,
    );
    return;
  }
  const result = await prepared.send();
  const ok =
    result.error === null &&
    (result.statusCode === null || (result.statusCode >= 200 && result.statusCode < 300));
  const at = clock.now();
  const now = iso(at);
  await store.transaction(async (repos) => {
    const endpoint = prepared.endpoint
      ? await repos.notificationEndpoints.findById(prepared.endpoint.id)
      : null;
    const attempt = {
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      now,
    };
    if (ok) {
      await repos.notificationDeliveries.recordAttempt(delivery.id, {
        ...attempt,
        status: 'succeeded',
        nextAttemptAt: null,
      });
      if (endpoint) await repos.notificationEndpoints.markSucceeded(endpoint.id, now);
      return;
    }
    if (endpoint) await repos.notificationEndpoints.markFailing(endpoint.id, now);
    const failingSince = endpoint ? (endpoint.failingSince ?? now) : null;
    const decision = decideRetry({
      attempt: delivery.attempts + 1,
      createdAt: new Date(delivery.createdAt),
      now: at,
      failingSince: failingSince ? new Date(failingSince) : null,
      policy: { baseMs: config.webhookRetryBaseMs },
      random: config.random,
      retryable: result.retryable,
    });
    if (decision.kind === 'retry') {
      await repos.notificationDeliveries.recordAttempt(delivery.id, {
        ...attempt,
        status: 'retrying',
        nextAttemptAt: iso(decision.nextAttemptAt),
      });
      await enqueueDelivery(repos, delivery.id, now, decision.delayMs);
      return;
    }
    await repos.notificationDeliveries.recordAttempt(delivery.id, {
      ...attempt,
      status: 'failed',
      nextAttemptAt: null,
    });
    if (endpoint && decision.disableEndpoint) {
      const reason = `failing since ${failingSince}: disabled after 3 days of failed deliveries`;
      if (await repos.notificationEndpoints.disable(endpoint.id, reason, now)) {
        await tellOwnersEndpointDisabled(
          repos,
          { ...endpoint, disabledReason: reason, failingSince },
          now,
        );
      }
    }
  });
}

/**
 * "Send again" (the delivery log's button): the delivery goes back to pending, its attempts
 * kept, and a `notify.deliver` job is enqueued. False when there is no such delivery.
 */
export async function resend(
  deps: Pick<NotificationDeps, 'store' | 'clock'>,
  deliveryId: string,
): Promise<boolean> {
  const { store, clock } = deps;
  return store.transaction((repos) => requeueDelivery(repos, deliveryId, iso(clock.now())));
}

/** Send again inside the caller's transaction (the API's, with its audit entry). */
export async function requeueDelivery(
  repos: Repositories,
  deliveryId: string,
  now: string,
): Promise<boolean> {
  if (!(await repos.notificationDeliveries.resetForResend(deliveryId, now))) return false;
  await enqueueDelivery(repos, deliveryId, now);
  return true;
}

export const deliverHandler =
  (deps: NotificationDeps): JobHandler =>
  async (payload) => {
    await deliver(deps, payloadString(payload, 'deliveryId'));
  };
