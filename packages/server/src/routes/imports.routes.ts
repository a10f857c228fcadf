import { AppError, IdParam, JiraImportQuery, JiraImportResult } from '@sextant/core';
import { access } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** A Jira export of a few thousand issues is a few MB; 50 MB leaves room for long descriptions. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export function importRoutes(app: App, { services }: RouteDeps): void {
  // The CSV file is the body, read as text; only these routes accept text/csv.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/projects/:id/imports/jira',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
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
      const csv: unknown = request.body;
      if (typeof csv !== 'string' || csv.trim() === '') {
        throw new AppError(
          'invalid_request',
          'body: send the Jira CSV export as the request body, with Content-Type: text/csv.',
          { field: 'body' },
        );
      }
      return services.jiraImport.importCsv(
        request.params.id,
        csv,
        request.query,
        request.ctx.actor,
      );
    },
  );
}
