import { z } from 'zod';
import {
  CreateSponsorLinkBody,
  CreatedSponsorLink,
  IdParam,
  SponsorLink,
  SponsorLinkParams,
  SponsorTokenParam,
  SponsorView,
} from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** Sponsor links: made and revoked by the project's admins, opened by whoever holds one. */
export function sponsorLinkRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects/:id/sponsor-links',
    {
      config: { access: access.project('admin') },
      schema: {
        tags: ['sponsor-links'],
        summary:
          "Make a read-only link to the project's sponsor view (default 30 days, at most 365), shown only in this answer",
        security: SIGNED_IN,
        params: IdParam,
        body: CreateSponsorLinkBody,
        response: { 201: CreatedSponsorLink },
      },
    },
    async (request, reply) => {
      const created = await services.sponsorLinks.create(
        request.params.id,
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/projects/:id/sponsor-links',
    {
      config: { access: access.project('admin') },
      schema: {
        tags: ['sponsor-links'],
        summary: "The project's sponsor links with their last use (never their secrets)",
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(SponsorLink) }) },
      },
    },
    async (request) => ({ items: await services.sponsorLinks.list(request.params.id) }),
  );

  app.delete(
    '/projects/:id/sponsor-links/:linkId',
    {
      config: { access: access.project('admin') },
      schema: {
        tags: ['sponsor-links'],
        summary: 'Revoke a sponsor link: it stops working at once',
        security: SIGNED_IN,
        params: SponsorLinkParams,
      },
    },
    async (request, reply) => {
      await services.sponsorLinks.revoke(
        request.params.id,
        request.params.linkId,
        request.ctx.actor,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/sponsor-view/:token',
    {
      config: { access: access.public },
      schema: {
        tags: ['sponsor-links'],
        summary:
          "What a sponsor link opens: the project's goals, latest review, ROI and open risks. Unknown, revoked or expired: 404",
        params: SponsorTokenParam,
        response: { 200: SponsorView },
      },
    },
    async (request, reply) => {
      const view = await services.sponsorLinks.view(request.params.token, request.ip);
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.get(
    '/sponsor-view/:token/report.pdf',
    {
      config: { access: access.public },
      schema: {
        tags: ['sponsor-links'],
        summary: "The latest closed sprint's report as a PDF, through a sponsor link",
        description:
          'Answers application/pdf; 404 for an unknown, revoked or expired link or before a sprint has closed.',
        params: SponsorTokenParam,
      },
    },
    async (request, reply) => {
      const report = await services.sponsorLinks.reportPdf(request.params.token, request.ip);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${report.basename}.pdf"`)
        .header('cache-control', 'no-store')
        .send(report.body);
    },
  );
}
