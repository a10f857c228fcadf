import { IdParam } from '@sextant/core';
import { access } from '../http/access.js';
import { cspOnly } from '../plugins/security-headers.plugin.js';
import { REPORT_CSP_DIRECTIVES } from '../reports/csp.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

const DESCRIPTION =
  'The sprint-demo report: sprint and project goal, success criterion, the chart of the success ' +
  'metric per sprint (best CI run, baseline, threshold, current-process bar; server-rendered SVG), ' +
  'the forecast, the decision, the delivered stories and the top open backlog items.';

export function reportRoutes(app: App, { services }: RouteDeps): void {
  // The PDF browser starts with the first PDF and stops with the app.
  app.addHook('onClose', async () => services.reports.close());

  app.get(
    '/sprints/:id/report.html',
    {
      config: { access: access.sprint('viewer') },
      // The report's own policy (inline styles and images, no script), not the app's.
      helmet: cspOnly(REPORT_CSP_DIRECTIVES),
      schema: {
        tags: ['reports'],
        summary: 'The sprint-demo report as one self-contained HTML page (A4, print-friendly)',
        description: `${DESCRIPTION} Answers text/html.`,
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      const report = await services.reports.html(request.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(report.body);
    },
  );

  app.get(
    '/sprints/:id/report.md',
    {
      config: { access: access.sprint('viewer') },
      schema: {
        tags: ['reports'],
        summary: 'The sprint-demo report as Markdown (the chart as an embedded SVG image)',
        description: `${DESCRIPTION} Answers text/markdown.`,
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      const report = await services.reports.markdown(request.params.id);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `inline; filename="${report.basename}.md"`)
        .header('cache-control', 'no-store')
        .send(report.body);
    },
  );

  app.get(
    '/sprints/:id/report.pdf',
    {
      config: { access: access.sprint('viewer') },
      schema: {
        tags: ['reports'],
        summary: 'The sprint-demo report as an A4 PDF, printed by headless Chromium',
        description: `${DESCRIPTION} Answers application/pdf; 503 \`unavailable\` when the server has no Chromium (set SEXTANT_CHROMIUM).`,
        security: SIGNED_IN,
        params: IdParam,
      },
    },
    async (request, reply) => {
      const report = await services.reports.pdf(request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${report.basename}.pdf"`)
        .header('cache-control', 'no-store')
        .send(report.body);
    },
  );
}
