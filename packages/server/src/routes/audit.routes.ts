import { Readable } from 'node:stream';
import { AuditCsvQuery, AuditEvent, AuditQuery, IdParam, pageOf } from '@sextant/core';
import { access } from '../http/access.js';
import type { AuditScope } from '../services/audit.service.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

const FILTERS =
  'Filter by `person` (the actor’s user id), `action`, `project` (events about it; another team’s project answers 404 like a missing one) and `from`/`to` (UTC days, both included).';

export function auditRoutes(app: App, { services }: RouteDeps): void {
  /** The CSV download: headers for a file to save, the lines streamed as they are read. */
  const csv = async (scope: AuditScope, query: AuditCsvQuery) => {
    const { filename, lines } = await services.audit.csv(scope, query);
    const headers = {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    };
    return { headers, body: Readable.from(lines) };
  };

  app.get(
    '/audit',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['audit'],
        summary: 'The workspace audit log, newest first (workspace admins)',
        description: FILTERS,
        security: SIGNED_IN,
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (request) => {
      return services.audit.list({}, request.query);
    },
  );

  app.get(
    '/audit.csv',
    {
      config: { access: access.workspaceAdmin },
      schema: {
        tags: ['audit'],
        summary: 'The filtered workspace audit log as CSV, newest first (workspace admins)',
        description: `${FILTERS} Answers text/csv (RFC 4180); a cell that a spreadsheet could run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a single quote.`,
        security: SIGNED_IN,
        querystring: AuditCsvQuery,
      },
    },
    async (request, reply) => {
      const file = await csv({}, request.query);
      return reply.headers(file.headers).send(file.body);
    },
  );

  app.get(
    '/teams/:id/audit',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['audit'],
        summary: "The team's audit events, newest first (team admins)",
        description: FILTERS,
        security: SIGNED_IN,
        params: IdParam,
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (request) => {
      return services.audit.list({ teamId: request.params.id }, request.query);
    },
  );

  app.get(
    '/teams/:id/audit.csv',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['audit'],
        summary: "The team's filtered audit events as CSV, newest first (team admins)",
        description: `${FILTERS} Answers text/csv (RFC 4180); a cell that a spreadsheet could run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a single quote.`,
        security: SIGNED_IN,
        params: IdParam,
        querystring: AuditCsvQuery,
      },
    },
    async (request, reply) => {
      const file = await csv({ teamId: request.params.id }, request.query);
      return reply.headers(file.headers).send(file.body);
    },
  );
}
