import {
  AppError,
  NOTIFICATION_EVENT_VERSION,
  notFound,
  readsProjects,
  type CreateEndpointBody,
  type EndpointDelivery,
  type Endpoint,
  type EndpointWithSecret,
  type Page,
  type Subscriber,
  type Subscription,
  type UnsubscribeView,
  type UpdateEndpointBody,
  type UpdateSubscriptionBody,
} from '@sextant/core';
import type {
  NotificationEndpointRecord,
  PageRequest,
  Repositories,
  UnsubscribeRecord,
} from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { enqueueDelivery, requeueDelivery, unsubscribe } from '../notifications/index.js';
import { checkDestination, privateWebhooksAllowed } from '../notifications/ssrf.js';
import {
  presentDelivery,
  presentEndpoint,
  presentEndpointWithSecret,
  presentSubscriber,
  presentSubscription,
  presentUnsubscribe,
} from '../presenters/notifications.js';
import { randomSecret, sha256Hex } from '../security/secrets.js';
import type { ServiceDeps } from './deps.js';
import { assertLinkGuessesAllowed, recordLinkGuess } from './link-guesses.js';

/** Failed unsubscribe look-ups are counted with the login failures, per client address. */
const LINK_FAILURE_KEY = 'unsubscribe-link';

/** Signing secrets: `whsec_` + 32 random bytes, base64url; shown at creation and rotation only. */
export const newEndpointSecret = (): string => `whsec_${randomSecret(32)}`;

/**
 * Whose endpoints a route reaches: one project's own (an endpoint of another project is a
 * 404, like a missing one), or — for workspace admins — the workspace's and every project's.
 */
export type EndpointScope = { kind: 'project'; projectId: string } | { kind: 'workspace' };

export interface NotificationSettings {
  /** SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1: loopback, link-local and private addresses allowed. */
  allowPrivateWebhooks: boolean;
}

/**
 * Notification endpoints (webhooks, Slack, Teams) with their delivery logs, people's email
 * settings, and the public one-click unsubscribe. Sending is the job runner's: this service
 * only writes rows and enqueues jobs, in the write's transaction.
 */
export class NotificationService {
  private readonly settings: NotificationSettings;

  constructor(
    private readonly deps: ServiceDeps,
    settings?: Partial<NotificationSettings>,
  ) {
    this.settings = {
      allowPrivateWebhooks: settings?.allowPrivateWebhooks ?? privateWebhooksAllowed(),
    };
  }

  /** The project's endpoints; `fullUrl` for those who may change them (others see the host). */
  async listForProject(projectId: string, fullUrl: boolean): Promise<Endpoint[]> {
    const project = await this.deps.store.repos.projects.findById(projectId);
    const endpoints = await this.deps.store.repos.notificationEndpoints.listForProject(projectId);
    return endpoints.map((e) => presentEndpoint(e, project?.name ?? null, fullUrl));
  }

  /** The workspace's own endpoints, or (`all`) those and every project's. */
  async listWorkspace(scope: 'workspace' | 'all'): Promise<Endpoint[]> {
    const { repos } = this.deps.store;
    const endpoints =
      scope === 'all'
        ? await repos.notificationEndpoints.listAll()
        : await repos.notificationEndpoints.listWorkspace();
    const names = await this.projectNames(endpoints.map((e) => e.projectId));
    return endpoints.map((e) =>
      presentEndpoint(e, e.projectId ? (names.get(e.projectId) ?? null) : null),
    );
  }

  async create(
    scope: EndpointScope,
    input: CreateEndpointBody,
    actor: Actor,
  ): Promise<EndpointWithSecret> {
    await this.assertDestination(input.url);
    const now = iso(this.deps.clock.now());
    const projectId = scope.kind === 'project' ? scope.projectId : null;
    const record = await this.deps.store.transaction(async (repos) => {
      const record = await repos.notificationEndpoints.insert({
        projectId,
        kind: input.kind,
        name: input.name,
        url: input.url,
        events: input.events,
        secret: newEndpointSecret(),
        createdBy: actor.userId,
        now,
      });
      await this.audit(repos, actor, record, 'notification_endpoint.created', {
        name: record.name,
        kind: record.kind,
        events: record.events,
      });
      return record;
    });
    return presentEndpointWithSecret(record, await this.projectName(record.projectId));
  }

  async get(scope: EndpointScope, endpointId: string, fullUrl: boolean): Promise<Endpoint> {
    const endpoint = await this.find(this.deps.store.repos, scope, endpointId);
    return presentEndpoint(endpoint, await this.projectName(endpoint.projectId), fullUrl);
  }

  async update(
    scope: EndpointScope,
    endpointId: string,
    input: UpdateEndpointBody,
    actor: Actor,
  ): Promise<Endpoint> {
    const existing = await this.find(this.deps.store.repos, scope, endpointId);
    if (input.events?.includes('digest.weekly') && existing.kind !== 'slack') {
      throw fieldError('events', 'digest.weekly goes to Slack endpoints only');
    }
    if (input.url !== undefined) await this.assertDestination(input.url);
    const now = iso(this.deps.clock.now());
    const updated = await this.deps.store.transaction(async (repos) => {
      const endpoint = await this.find(repos, scope, endpointId);
      await repos.notificationEndpoints.update(endpoint.id, input, now);
      const updated = await repos.notificationEndpoints.findById(endpoint.id);
      if (!updated) throw missing();
      await this.audit(repos, actor, updated, 'notification_endpoint.updated', {
        changed: Object.keys(input).sort(),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      });
      return updated;
    });
    return presentEndpoint(updated, await this.projectName(updated.projectId));
  }

  async delete(scope: EndpointScope, endpointId: string, actor: Actor): Promise<void> {
    await this.deps.store.transaction(async (repos) => {
      const endpoint = await this.find(repos, scope, endpointId);
      // Audited before the row goes, so the entry still names it.
      await this.audit(repos, actor, endpoint, 'notification_endpoint.deleted', {
        name: endpoint.name,
        kind: endpoint.kind,
      });
      await repos.notificationEndpoints.delete(endpoint.id);
    });
  }

  /** A new signing secret, shown in this answer only; the old one stops at once. */
  async rotateSecret(
    scope: EndpointScope,
    endpointId: string,
    actor: Actor,
  ): Promise<EndpointWithSecret> {
    const now = iso(this.deps.clock.now());
    const rotated = await this.deps.store.transaction(async (repos) => {
      const endpoint = await this.find(repos, scope, endpointId);
      await repos.notificationEndpoints.setSecret(endpoint.id, newEndpointSecret(), now);
      const rotated = await repos.notificationEndpoints.findById(endpoint.id);
      if (!rotated) throw missing();
      await this.audit(repos, actor, rotated, 'notification_endpoint.secret_rotated', {
        name: rotated.name,
      });
      return rotated;
    });
    return presentEndpointWithSecret(rotated, await this.projectName(rotated.projectId));
  }

  /** The endpoint's delivery log, newest first. */
  async deliveries(
    scope: EndpointScope,
    endpointId: string,
    page: PageRequest,
  ): Promise<Page<EndpointDelivery>> {
    const { repos } = this.deps.store;
    const endpoint = await this.find(repos, scope, endpointId);
    const found = await repos.notificationDeliveryLog.listForEndpoint(endpoint.id, page);
    return { items: found.items.map(presentDelivery), nextCursor: found.nextCursor };
  }

  /**
   * "Send again": the delivery goes back to pending (its attempts kept) and a send job is
   * enqueued, in one transaction with its audit entry. The same event, same event id.
   */
  async resend(
    scope: EndpointScope,
    endpointId: string,
    deliveryId: string,
    actor: Actor,
  ): Promise<EndpointDelivery> {
    const now = iso(this.deps.clock.now());
    await this.deps.store.transaction(async (repos) => {
      const endpoint = await this.find(repos, scope, endpointId);
      const delivery = await repos.notificationDeliveries.findById(deliveryId);
      if (!delivery || delivery.endpointId !== endpoint.id) throw notFound('Delivery');
      await requeueDelivery(repos, delivery.id, now);
      await this.audit(repos, actor, endpoint, 'notification_delivery.resent', {
        name: endpoint.name,
        deliveryId: delivery.id,
        eventId: delivery.eventId,
      });
    });
    return this.delivery(deliveryId);
  }

  /** A `ping` event to this endpoint alone, to try the address and the signature check. */
  async sendTest(
    scope: EndpointScope,
    endpointId: string,
    actor: Actor,
  ): Promise<EndpointDelivery> {
    const now = iso(this.deps.clock.now());
    const delivery = await this.deps.store.transaction(async (repos) => {
      const endpoint = await this.find(repos, scope, endpointId);
      const sender = actor.userId ? await repos.users.findById(actor.userId) : undefined;
      const deliveryId = await repos.notificationDeliveryLog.insertTest({
        endpointId: endpoint.id,
        projectId: endpoint.projectId,
        channel: endpoint.kind,
        payload: {
          title: `Test from Sextant to ${endpoint.name}`,
          summary: 'A test event: if you read this, the endpoint receives Sextant notifications.',
          facts: [
            { label: 'Sent by', value: sender ? `${sender.name} (${sender.email})` : 'a token' },
          ],
          path: endpoint.projectId ? `/projects/${endpoint.projectId}` : '/',
          data: { endpointId: endpoint.id, version: NOTIFICATION_EVENT_VERSION },
        },
        now,
      });
      await enqueueDelivery(repos, deliveryId, now);
      return deliveryId;
    });
    return this.delivery(delivery);
  }

  private async delivery(id: string): Promise<EndpointDelivery> {
    const found = await this.deps.store.repos.notificationDeliveryLog.findById(id);
    if (!found) throw notFound('Delivery');
    return presentDelivery(found);
  }

  /** My settings for every project I can read (defaults: off, every event, no digest). */
  async mySubscriptions(userId: string): Promise<Subscription[]> {
    const { repos } = this.deps.store;
    const projects = await this.readableProjects(userId);
    const saved = new Map(
      (await repos.notificationSubscriptions.listForUser(userId)).map((s) => [s.projectId, s]),
    );
    return projects.map((p) => presentSubscription(p, saved.get(p.id)));
  }

  /** Saves my settings for a project; 404 when I cannot read it. */
  async updateMySubscription(
    userId: string,
    projectId: string,
    input: UpdateSubscriptionBody,
  ): Promise<Subscription> {
    const { store, clock } = this.deps;
    const project = await store.repos.projects.findById(projectId);
    const role = project ? await store.repos.teams.roleOf(project.teamId, userId) : undefined;
    if (!project || !role || !readsProjects(role)) throw notFound('Project');
    const saved = await store.repos.notificationSubscriptions.upsert({
      userId,
      projectId,
      events: input.events,
      mode: input.mode,
      weeklyDigest: input.weeklyDigest,
      now: iso(clock.now()),
    });
    return presentSubscription(project, saved);
  }

  /** Who gets the project's emails: everyone whose mode is not off or who takes the digest. */
  async subscribers(projectId: string): Promise<Subscriber[]> {
    const subs = await this.deps.store.repos.notificationSubscriptions.listForProject(projectId);
    return subs.filter((s) => s.mode !== 'off' || s.weeklyDigest).map(presentSubscriber);
  }

  /** What an unsubscribe link would stop; unknown links are a 404 and count as guesses. */
  async unsubscribeView(token: string, ip: string): Promise<UnsubscribeView> {
    return this.presentLink(await this.useLink(token, ip));
  }

  /**
   * One-click unsubscribe (RFC 8058), the pipeline's rule: an `events` link turns the
   * person's emails for its project (or every project) off, a `weekly` link its weekly
   * digest. Using a link twice changes nothing more.
   */
  async unsubscribe(token: string, ip: string): Promise<UnsubscribeView> {
    const link = await this.useLink(token, ip);
    const done = await unsubscribe(this.deps, token);
    if (!done.ok) throw notFound('Unsubscribe link');
    await this.deps.store.repos.audit.record(
      {
        action: 'notification.unsubscribed',
        actorUserId: link.userId,
        actorTokenId: null,
        projectId: link.projectId,
        targetType: 'user',
        targetId: link.userId,
        ip,
        details: { kind: link.kind },
      },
      iso(this.deps.clock.now()),
    );
    const used = await this.deps.store.repos.notificationUnsubscribes.find(link.tokenHash);
    return this.presentLink(used ?? link);
  }

  private async presentLink(link: UnsubscribeRecord): Promise<UnsubscribeView> {
    const { repos } = this.deps.store;
    const user = await repos.users.findById(link.userId);
    const project = link.projectId ? await repos.projects.findById(link.projectId) : undefined;
    return presentUnsubscribe(
      link,
      user?.email ?? '',
      project ? { id: project.id, name: project.name } : null,
    );
  }

  private async useLink(token: string, ip: string): Promise<UnsubscribeRecord> {
    const { store, clock } = this.deps;
    const now = clock.now();
    await assertLinkGuessesAllowed(store.repos, ip, now);
    const link = await store.repos.notificationUnsubscribes.find(sha256Hex(token));
    if (!link) {
      await recordLinkGuess(store.repos, LINK_FAILURE_KEY, ip, now);
      throw notFound('Unsubscribe link');
    }
    return link;
  }

  /** Every project the person's teams hold that they may read (operators' are left out), by name. */
  private async readableProjects(userId: string): Promise<{ id: string; name: string }[]> {
    const { repos } = this.deps.store;
    const found: { id: string; name: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await repos.projects.listForUser(userId, {
        limit: 200,
        cursor,
        archived: 'false',
      });
      for (const p of page.items) if (readsProjects(p.role)) found.push({ id: p.id, name: p.name });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private async find(
    repos: Repositories,
    scope: EndpointScope,
    endpointId: string,
  ): Promise<NotificationEndpointRecord> {
    const endpoint = await repos.notificationEndpoints.findById(endpointId);
    if (!endpoint) throw missing();
    if (scope.kind === 'project' && endpoint.projectId !== scope.projectId) throw missing();
    return endpoint;
  }

  /** Refused destinations are a 400 naming `url`, with the reason; nothing is written. */
  private async assertDestination(url: string): Promise<void> {
    const check = await checkDestination(url, this.settings.allowPrivateWebhooks);
    if (!check.ok) throw fieldError('url', check.reason);
  }

  private async projectName(projectId: string | null): Promise<string | null> {
    if (projectId === null) return null;
    return (await this.deps.store.repos.projects.findById(projectId))?.name ?? null;
  }

  private async projectNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    for (const id of unique) {
      const project = await this.deps.store.repos.projects.findById(id);
      if (project) names.set(id, project.name);
    }
    return names;
  }

  private audit(
    repos: Repositories,
    actor: Actor,
    endpoint: NotificationEndpointRecord,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return repos.audit.record(
      {
        action,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        projectId: endpoint.projectId,
        targetType: 'notification_endpoint',
        targetId: endpoint.id,
        ip: actor.ip,
        details,
      },
      iso(this.deps.clock.now()),
    );
  }
}

/** A 400 in the validation plugin's shape, so forms show it under the field. */
function fieldError(field: string, message: string): AppError {
  return new AppError('invalid_request', `Invalid body: ${field}: ${message}.`, {
    fields: [{ field, location: 'body', message }],
  });
}

/** A missing endpoint and another project's answer alike. */
const missing = () => notFound('Endpoint');
