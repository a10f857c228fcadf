import { z } from 'zod';
import {
  CreateEndpointBody,
  EndpointDelivery,
  DeliveryParams,
  Endpoint,
  EndpointParams,
  EndpointWithSecret,
  IdParam,
  PageQuery,
  Subscriber,
  Subscription,
  SubscriptionParams,
  UnsubscribeTokenParam,
  UnsubscribeView,
  UpdateEndpointBody,
  UpdateSubscriptionBody,
  WorkspaceDeliveryParams,
  WorkspaceEndpointParams,
  WorkspaceEndpointsQuery,
  pageOf,
} from '@sextant/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access, requireUser, type AccessContext, type AccessRule } from '../http/access.js';
import type { EndpointScope } from '../services/notifications.service.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

const TAGS = ['notifications'];

/**
 * The endpoint routes, twice: under a project (its admins write, its members read) and under
 * the workspace (workspace admins, who reach every endpoint).
 */
function endpointRoutes(
  app: App,
  { services }: RouteDeps,
  where: {
    base: string;
    read: AccessRule;
    write: AccessRule;
    who: string;
    scope: (params: { id?: string }) => EndpointScope;
    /** Whether the caller sees endpoints' full URLs (those who may change them). */
    fullUrl: (ctx: AccessContext) => boolean;
  },
): void {
  const one = `${where.base}/:endpointId`;
  const n = services.notifications;
  const params = where.base.includes(':id') ? EndpointParams : WorkspaceEndpointParams;
  const deliveryParams = where.base.includes(':id') ? DeliveryParams : WorkspaceDeliveryParams;

  app.post(
    where.base,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary: `Add ${where.who} webhook, Slack or Teams endpoint; its signing secret is shown in this answer only`,
        description:
          'The URL must be http(s) and resolve to public addresses (400 naming `url` otherwise, unless SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1). An empty `events` list receives every event.',
        security: SIGNED_IN,
        ...(where.base.includes(':id') ? { params: IdParam } : {}),
        body: CreateEndpointBody,
        response: { 201: EndpointWithSecret },
      },
    },
    async (request, reply) => {
      const created = await n.create(
        where.scope(request.params as { id?: string }),
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    one,
    {
      config: { access: where.read },
      schema: {
        tags: TAGS,
        summary: 'One endpoint (never its secret; its full URL for those who may change it)',
        security: SIGNED_IN,
        params,
        response: { 200: Endpoint },
      },
    },
    async (request) =>
      n.get(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        where.fullUrl(request.ctx),
      ),
  );

  app.patch(
    one,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary: 'Rename an endpoint, change its URL or events, disable or enable it',
        security: SIGNED_IN,
        params,
        body: UpdateEndpointBody,
        response: { 200: Endpoint },
      },
    },
    async (request) =>
      n.update(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.body,
        request.ctx.actor,
      ),
  );

  app.delete(
    one,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary: 'Delete an endpoint and its delivery log',
        security: SIGNED_IN,
        params,
      },
    },
    async (request, reply) => {
      await n.delete(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.ctx.actor,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${one}/rotate-secret`,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary: 'A new signing secret, shown in this answer only; the old one stops at once',
        security: SIGNED_IN,
        params,
        response: { 200: EndpointWithSecret },
      },
    },
    async (request) =>
      n.rotateSecret(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.ctx.actor,
      ),
  );

  app.get(
    `${one}/deliveries`,
    {
      config: { access: where.read },
      schema: {
        tags: TAGS,
        summary:
          "The endpoint's delivery log, newest first: status, response code, attempts, duration",
        security: SIGNED_IN,
        params,
        querystring: PageQuery,
        response: { 200: pageOf(EndpointDelivery) },
      },
    },
    async (request) =>
      n.deliveries(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.query,
      ),
  );

  app.post(
    `${one}/deliveries/:deliveryId/resend`,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary:
          'Send a delivery again: the same event, with the same event id, from a first attempt',
        security: SIGNED_IN,
        params: deliveryParams,
        response: { 202: EndpointDelivery },
      },
    },
    async (request, reply) => {
      const delivery = await n.resend(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.params.deliveryId,
        request.ctx.actor,
      );
      return reply.status(202).send(delivery);
    },
  );

  app.post(
    `${one}/test`,
    {
      config: { access: where.write },
      schema: {
        tags: TAGS,
        summary: 'Send a `ping` test event to this endpoint alone; it appears in the delivery log',
        security: SIGNED_IN,
        params,
        response: { 202: EndpointDelivery },
      },
    },
    async (request, reply) => {
      const delivery = await n.sendTest(
        where.scope(request.params as { id?: string }),
        request.params.endpointId,
        request.ctx.actor,
      );
      return reply.status(202).send(delivery);
    },
  );
}

/** Notification endpoints and their logs, people's email settings, one-click unsubscribe. */
export function notificationRoutes(app: App, deps: RouteDeps): void {
  const { services } = deps;
  const n = services.notifications;

  app.get(
    '/projects/:id/endpoints',
    {
      config: { access: access.project('member') },
      schema: {
        tags: TAGS,
        summary:
          "The project's webhook, Slack and Teams endpoints (never their secrets); members who are not admins see each URL's host only, since an incoming-webhook URL is a credential",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Endpoint) }) },
      },
    },
    async (request) => ({
      items: await n.listForProject(request.params.id, request.ctx.role === 'admin'),
    }),
  );
  endpointRoutes(app, deps, {
    base: '/projects/:id/endpoints',
    read: access.project('member'),
    write: access.project('admin'),
    who: "a project's",
    scope: (params) => ({ kind: 'project', projectId: params.id ?? '' }),
    fullUrl: (ctx) => ctx.role === 'admin',
  });

  app.get(
    '/workspace/endpoints',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: TAGS,
        summary:
          "The workspace's endpoints (every project's events), or with scope=all every endpoint of every project too",
        security: SIGNED_IN,
        querystring: WorkspaceEndpointsQuery,
        response: { 200: z.object({ items: z.array(Endpoint) }) },
      },
    },
    async (request) => ({ items: await n.listWorkspace(request.query.scope) }),
  );
  endpointRoutes(app, deps, {
    base: '/workspace/endpoints',
    read: access.workspaceAdmin,
    write: access.workspaceAdmin,
    who: 'a workspace',
    scope: () => ({ kind: 'workspace' }),
    fullUrl: () => true,
  });

  app.get(
    '/me/notifications',
    {
      config: { access: access.user },
      schema: {
        tags: TAGS,
        summary:
          'My email notifications for every project I can read (off, every event, until I save some)',
        security: SIGNED_IN,
        response: { 200: z.object({ items: z.array(Subscription) }) },
      },
    },
    async (request) => ({
      items: await n.mySubscriptions(requireUser(request.ctx).id),
    }),
  );

  app.put(
    '/me/notifications/:projectId',
    {
      config: { access: access.user },
      schema: {
        tags: TAGS,
        summary:
          'Set my emails for a project: at once, in a daily digest or off, which events, and the weekly sponsor digest. 404 for a project I cannot read',
        security: SIGNED_IN,
        params: SubscriptionParams,
        body: UpdateSubscriptionBody,
        response: { 200: Subscription },
      },
    },
    async (request) =>
      n.updateMySubscription(requireUser(request.ctx).id, request.params.projectId, request.body),
  );

  app.get(
    '/projects/:id/subscribers',
    {
      config: { access: access.project('member') },
      schema: {
        tags: TAGS,
        summary: "Who receives the project's emails, and how",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Subscriber) }) },
      },
    },
    async (request) => ({ items: await n.subscribers(request.params.id) }),
  );

  // Own context: the one-click unsubscribe (RFC 8058) posts `List-Unsubscribe=One-Click` as a
  // form; only this route reads form bodies, and it reads nothing from them.
  app.register(async (scoped) => {
    const child = scoped.withTypeProvider<ZodTypeProvider>();
    child.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, done) => done(null, body),
    );

    child.get(
      '/unsubscribe/:token',
      {
        config: { access: access.public },
        schema: {
          tags: TAGS,
          summary: 'What an unsubscribe link stops (one project, or every email). Unknown: 404',
          params: UnsubscribeTokenParam,
          response: { 200: UnsubscribeView },
        },
      },
      async (request, reply) => {
        const view = await n.unsubscribeView(request.params.token, request.ip);
        return reply.header('cache-control', 'no-store').send(view);
      },
    );

    child.post(
      '/unsubscribe/:token',
      {
        config: { access: access.public },
        schema: {
          tags: TAGS,
          summary:
            'One-click unsubscribe (RFC 8058; a `List-Unsubscribe=One-Click` form body or none): the emails the link names stop',
          params: UnsubscribeTokenParam,
          response: { 200: UnsubscribeView },
        },
      },
      async (request, reply) => {
        const view = await n.unsubscribe(request.params.token, request.ip);
        return reply.header('cache-control', 'no-store').send(view);
      },
    );
  });
}
