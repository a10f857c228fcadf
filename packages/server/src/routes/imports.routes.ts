import { Readable } from 'node:stream';
import { AppError, IdParam, JiraImportQuery, JiraImportResult } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function importRoutes(app: App, { services }: RouteDeps): void {
  // The CSV file is the body, handed over as the request stream and read (up to 50 MB) as
  // it arrives; only these routes and the feedback uploads accept text/csv.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  app.post(
    '/projects/:id/imports/jira',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['imports'],
        summary:
          "Import a Jira CSV export (Content-Type: text/csv): Jira's sprints become sprints laid end to end, its issues stories; the same file again creates nothing",
        description:
          'Rows that cannot be used are listed in `problems` with their line and the rest is imported. ' +
          'Stories in closed sprints are frozen; in open sprints a later export updates title, status, points and assignee.',
        security: SIGNED_IN,
        params: IdParam,
        querystring: JiraImportQuery,
        response: { 200: JiraImportResult },
      },
    },
    async (request) => {
      if (!(request.body instanceof Readable)) {
        throw new AppError(
          'invalid_request',
          'body: send the Jira CSV export as the request body, with Content-Type: text/csv.',
          { field: 'body' },
        );
      }
      return services.jiraImport.importCsv(
        request.params.id,
        request.body,
        request.query,
        request.ctx.actor,
      );
    },
  );
}
