import { z } from 'zod';
import {
  AcceptInvitationBody,
  AcceptedInvitation,
  CreateInvitationBody,
  CreatedInvitation,
  IdParam,
  Invitation,
  InvitationParams,
  InvitationTokenParam,
  InvitationView,
} from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SESSION_COOKIE } from '../plugins/auth.plugin.js';
import { setSessionCookies } from './auth.routes.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** Invitations: made and revoked by the team's admins (or a workspace admin), used by link. */
export function invitationRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/teams/:id/invitations',
    {
      config: { access: access.teamAdminOrWorkspaceAdmin },
      schema: {
        tags: ['invitations'],
        summary:
          'Invite someone by email with a role: a one-time link valid 7 days, shown only in this answer',
        security: SIGNED_IN,
        params: IdParam,
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation },
      },
    },
    async (request, reply) => {
      const created = await services.invitations.create(
        request.params.id,
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/teams/:id/invitations',
    {
      config: { access: access.teamAdminOrWorkspaceAdmin },
      schema: {
        tags: ['invitations'],
        summary: "The team's pending invitations (never their links)",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Invitation) }) },
      },
    },
    async (request) => ({ items: await services.invitations.listPending(request.params.id) }),
  );

  app.delete(
    '/teams/:id/invitations/:invitationId',
    {
      config: { access: access.teamAdminOrWorkspaceAdmin },
      schema: {
        tags: ['invitations'],
        summary: 'Revoke a pending invitation: its link stops working at once',
        security: SIGNED_IN,
        params: InvitationParams,
      },
    },
    async (request, reply) => {
      await services.invitations.revoke(
        request.params.id,
        request.params.invitationId,
        request.ctx.actor,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: access.public },
      schema: {
        tags: ['invitations'],
        summary:
          'What an invitation link offers: the team and role. Unknown or revoked: 404; used or expired: 410',
        params: InvitationTokenParam,
        response: { 200: InvitationView },
      },
    },
    async (request) => services.invitations.view(request.params.token, request.ip),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: access.public },
      schema: {
        tags: ['invitations'],
        summary:
          'Accept with a new account (name and password): signs it in, in the team with the invited role',
        params: InvitationTokenParam,
        body: AcceptInvitationBody,
        response: { 201: AcceptedInvitation },
      },
    },
    async (request, reply) => {
      const result = await services.invitations.accept(request.params.token, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousSessionToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      if (result.session) setSessionCookies(request, reply, result.session);
      return reply.status(201).send(result.body);
    },
  );

  app.post(
    '/invitations/:token/join',
    {
      config: { access: access.session },
      schema: {
        tags: ['invitations'],
        summary:
          'Accept as the signed-in account the invitation was sent to: adds the membership with its role',
        security: SIGNED_IN,
        params: InvitationTokenParam,
        response: { 200: AcceptedInvitation },
      },
    },
    async (request) =>
      services.invitations.join(request.params.token, requireUser(request.ctx), request.ctx.actor),
  );
}
