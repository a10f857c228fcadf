import { dailyDigestEmail, isoWeek, nextDaily, nextWeekly } from '@sextant/core';
import type { NotificationDeliveryRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Schedule } from '../jobs/index.js';
import { enqueueDelivery, TASKS, type JobHandler, type NotificationDeps } from './deps.js';
import { envelopeOf } from './envelope.js';
import { mayReadProject } from './fanout.js';
import { createUnsubscribeLink } from './unsubscribe.js';
import { weeklyKey } from './weekly-content.js';

/** The event list entry that makes a Slack endpoint receive the weekly sponsor digest. */
export const WEEKLY_DIGEST_EVENT = 'digest.weekly';

/** Daily at 08:00 and Monday 08:00, in SEXTANT_TIME_ZONE. */
export function digestSchedules(timeZone: string): Schedule[] {
  return [
    { name: 'digest.daily', task: TASKS.dailyDigest, next: (after) => nextDaily(after, timeZone) },
    {
      name: 'digest.weekly',
      task: TASKS.weeklyDigest,
      next: (after) => nextWeekly(after, timeZone),
    },
  ];
}

function scheduledAt(payload: unknown, fallback: Date): Date {
  const value =
    payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>).scheduledAt
      : undefined;
  const at = typeof value === 'string' ? new Date(value) : null;
  return at && Number.isFinite(at.getTime()) ? at : fallback;
}

/**
 * The daily digest: one email per person listing their waiting daily-mode deliveries (oldest
 * first), which are then marked succeeded. A person who may no longer read a project does not
 * get its events; without SMTP the rows are skipped. A send that fails throws, so the queue
 * tries the job again and the rows stay waiting.
 */
export async function sendDailyDigests(deps: NotificationDeps): Promise<number> {
  const { store, clock, config, mailer } = deps;
  const pending = await store.repos.notificationDeliveries.listPendingDaily();
  const byUser = new Map<string, NotificationDeliveryRecord[]>();
  for (const row of pending) {
    if (row.userId === null) continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  let sent = 0;
  for (const [userId, rows] of byUser) {
    const now = iso(clock.now());
    const ids = rows.map((r) => r.id);
    const user = await store.repos.users.findById(userId);
    if (!user || user.deactivatedAt !== null || !mailer) {
      await store.repos.notificationDeliveries.complete(
        ids,
        'skipped',
        now,
        mailer ? 'the account is deactivated' : 'email is not configured (SEXTANT_SMTP_URL)',
      );
      continue;
    }
    const envelopes = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      const event = row.eventId ? await store.repos.notificationEvents.find(row.eventId) : null;
      if (
        !event ||
        (event.projectId !== null && !(await mayReadProject(store.repos, userId, event.projectId)))
      ) {
        unreadable.push(row.id);
        continue;
      }
      envelopes.push(envelopeOf(event, config));
    }
    await store.repos.notificationDeliveries.complete(
      unreadable,
      'skipped',
      now,
      'the person may no longer read the project',
    );
    if (envelopes.length === 0) continue;
    const unsubscribeUrl = await store.transaction((repos) =>
      createUnsubscribeLink(repos, config, { userId, projectId: null, kind: 'events', now }),
    );
    const message = dailyDigestEmail(envelopes, unsubscribeUrl);
    await mailer.send({ to: user.email, unsubscribeUrl, ...message });
    await store.repos.notificationDeliveries.complete(
      ids.filter((id) => !unreadable.includes(id)),
      'succeeded',
      iso(clock.now()),
    );
    sent += 1;
  }
  return sent;
}

/**
 * The weekly sponsor digest: for each project with weekly subscribers or a Slack endpoint
 * asking for `digest.weekly`, one delivery per subscriber who may read it and per such Slack
 * endpoint (the project's own and the workspace's), keyed by the ISO week it fired for: fired
 * twice in a week, it writes nothing the second time. Each is sent by `notify.deliver`.
 */
export async function queueWeeklyDigests(deps: NotificationDeps, firedAt: Date): Promise<string[]> {
  const { store, clock, config } = deps;
  const week = isoWeek(firedAt, config.timeZone);
  const slack = (await store.repos.notificationEndpoints.listAll()).filter(
    (e) => e.kind === 'slack' && e.disabledAt === null && e.events.includes(WEEKLY_DIGEST_EVENT),
  );
  const projectIds = new Set(
    await store.repos.notificationSubscriptions.projectsWithWeeklyDigest(),
  );
  for (const e of slack) if (e.projectId !== null) projectIds.add(e.projectId);
  const created: string[] = [];
  for (const projectId of projectIds) {
    await store.transaction(async (repos) => {
      const now = iso(clock.now());
      const queue = async (row: {
        endpointId: string | null;
        userId: string | null;
        target: string;
        channel: 'email' | 'slack';
      }) => {
        const id = await repos.notificationDeliveries.insertIfNew({
          endpointId: row.endpointId,
          userId: row.userId,
          channel: row.channel,
          eventId: null,
          dedupeKey: weeklyKey(projectId, row.target, week),
          subject: `Weekly sponsor digest ${week}`,
          now,
        });
        if (id === null) return;
        await enqueueDelivery(repos, id, now);
        created.push(id);
      };
      for (const sub of await repos.notificationSubscriptions.listWeeklyDigest(projectId)) {
        if (!(await mayReadProject(repos, sub.userId, projectId))) continue;
        await queue({ endpointId: null, userId: sub.userId, target: sub.userId, channel: 'email' });
      }
      for (const e of slack) {
        if (e.projectId !== null && e.projectId !== projectId) continue;
        await queue({ endpointId: e.id, userId: null, target: e.id, channel: 'slack' });
      }
    });
  }
  return created;
}

export const dailyDigestHandler =
  (deps: NotificationDeps): JobHandler =>
  async () => {
    await sendDailyDigests(deps);
  };

export const weeklyDigestHandler =
  (deps: NotificationDeps): JobHandler =>
  async (payload) => {
    await queueWeeklyDigests(deps, scheduledAt(payload, deps.clock.now()));
  };
