import type { Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import { enqueueDelivery, payloadString, type JobHandler, type NotificationDeps } from './deps.js';

/** Who may still be mailed about a project: an active member of its team, not an operator. */
export async function mayReadProject(
  repos: Repositories,
  userId: string,
  projectId: string,
): Promise<boolean> {
  const user = await repos.users.findById(userId);
  if (!user || user.deactivatedAt !== null) return false;
  const teamId = await repos.projects.findTeamId(projectId);
  if (!teamId) return false;
  const role = await repos.teams.roleOf(teamId, userId);
  return role !== undefined && role !== 'operator';
}

const wants = (events: string[], type: string) => events.length === 0 || events.includes(type);

/**
 * One event → its deliveries, in one transaction: one per matching endpoint
 * (`${endpointId}:${eventId}`), one per instant email subscriber (`email:${userId}:${eventId}`)
 * with a `notify.deliver` job each, and a waiting row per daily subscriber
 * (`daily:${userId}:${eventId}`) that the daily digest sends. The keys are unique, so a
 * second fan-out of the same event writes nothing and enqueues nothing.
 */
export async function fanOut(deps: NotificationDeps, eventId: string): Promise<string[]> {
  const { store, clock } = deps;
  return store.transaction(async (repos) => {
    const event = await repos.notificationEvents.find(eventId);
    if (!event) return [];
    const now = iso(clock.now());
    const created: string[] = [];
    const add = async (
      row: Parameters<Repositories['notificationDeliveries']['insertIfNew']>[0],
      send: boolean,
    ) => {
      const id = await repos.notificationDeliveries.insertIfNew(row);
      if (id === null) return;
      if (send) {
        await enqueueDelivery(repos, id, now);
        created.push(id);
      }
    };
    for (const endpoint of await repos.notificationEndpoints.listForEvent(
      event.projectId,
      event.type,
    )) {
      await add(
        {
          endpointId: endpoint.id,
          userId: null,
          channel: endpoint.kind,
          eventId,
          dedupeKey: `${endpoint.id}:${eventId}`,
          subject: event.title,
          now,
        },
        true,
      );
    }
    if (event.projectId !== null) {
      for (const sub of await repos.notificationSubscriptions.listForProject(event.projectId)) {
        if (sub.mode === 'off' || !wants(sub.events, event.type)) continue;
        if (!(await mayReadProject(repos, sub.userId, event.projectId))) continue;
        const instant = sub.mode === 'instant';
        await add(
          {
            endpointId: null,
            userId: sub.userId,
            channel: 'email',
            eventId,
            dedupeKey: `${instant ? 'email' : 'daily'}:${sub.userId}:${eventId}`,
            subject: event.title,
            now,
          },
          instant,
        );
      }
    }
    return created;
  });
}

export const fanoutHandler =
  (deps: NotificationDeps): JobHandler =>
  async (payload) => {
    await fanOut(deps, payloadString(payload, 'eventId'));
  };
