import { NOTIFICATION_EVENT_VERSION } from '@sextant/core';
import type { NotificationEndpointRecord, Repositories } from '@sextant/db';
import { enqueueDelivery } from './deps.js';

/** Where an endpoint is managed in the web app. */
export function endpointSettingsPath(
  endpoint: Pick<NotificationEndpointRecord, 'projectId'>,
): string {
  return endpoint.projectId
    ? `/projects/${endpoint.projectId}/notifications`
    : '/settings/notifications';
}

/**
 * An endpoint was disabled after failing for three days: record `endpoint.disabled` (it fans
 * out like any event) and mail its owners at once, whatever their subscriptions say: the
 * project's team admins, or the workspace admins for a workspace endpoint. Same transaction.
 */
export async function tellOwnersEndpointDisabled(
  repos: Repositories,
  endpoint: NotificationEndpointRecord,
  now: string,
): Promise<void> {
  const where = endpoint.projectId ? 'this project' : 'the workspace';
  const eventId = await repos.notificationEvents.emit(
    {
      type: 'endpoint.disabled',
      projectId: endpoint.projectId,
      title: `${endpoint.kind === 'webhook' ? 'Webhook' : endpoint.kind === 'slack' ? 'Slack endpoint' : 'Teams endpoint'} "${endpoint.name}" was disabled`,
      summary:
        `Deliveries to ${endpoint.url} have failed since ${endpoint.failingSince ?? now}, so Sextant ` +
        `stopped sending to it. Fix the receiver, then enable it again in ${where}'s notification settings.`,
      facts: [
        { label: 'Endpoint', value: endpoint.name },
        { label: 'URL', value: endpoint.url },
        { label: 'Failing since', value: endpoint.failingSince ?? now },
      ],
      path: endpointSettingsPath(endpoint),
      data: {
        endpointId: endpoint.id,
        name: endpoint.name,
        kind: endpoint.kind,
        url: endpoint.url,
        reason: endpoint.disabledReason,
        failingSince: endpoint.failingSince,
      },
    },
    NOTIFICATION_EVENT_VERSION,
    now,
  );
  const owners = await endpointOwners(repos, endpoint);
  for (const userId of owners) {
    const id = await repos.notificationDeliveries.insertIfNew({
      endpointId: null,
      userId,
      channel: 'email',
      eventId,
      // The fan-out of the same event would mail a subscribed owner under this key: once only.
      dedupeKey: `email:${userId}:${eventId}`,
      subject: `Endpoint "${endpoint.name}" was disabled`,
      now,
    });
    if (id !== null) await enqueueDelivery(repos, id, now);
  }
}

async function endpointOwners(
  repos: Repositories,
  endpoint: NotificationEndpointRecord,
): Promise<string[]> {
  if (endpoint.projectId === null) {
    return (await repos.users.listActiveAdmins()).map((u) => u.id);
  }
  const teamId = await repos.projects.findTeamId(endpoint.projectId);
  if (!teamId) return [];
  const admins = (await repos.teams.listMembers(teamId)).filter((m) => m.role === 'admin');
  const active: string[] = [];
  for (const admin of admins) {
    const user = await repos.users.findById(admin.userId);
    if (user && user.deactivatedAt === null) active.push(user.id);
  }
  return active;
}
