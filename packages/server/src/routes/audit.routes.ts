import { AuditEvent, AuditQuery, IdParam, pageOf } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function auditRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/audit',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['audit'],
        summary: 'The workspace audit log, newest first (workspace admins)',
        security: SIGNED_IN,
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (request) => {
      return services.audit.list(request.query);
    },
  );

  app.get(
    '/teams/:id/audit',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['audit'],
        summary: "The team's audit events, newest first (team admins)",
        security: SIGNED_IN,
        params: IdParam,
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (request) => {
      return services.audit.list({ ...request.query, teamId: request.params.id });
    },
  );
}
