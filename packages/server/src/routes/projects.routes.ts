import {
  CreateProjectBody,
  IdParam,
  ListProjectsQuery,
  Project,
  ProjectDetail,
  UpdateProjectBody,
  pageOf,
} from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function projectRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/projects',
    {
      // The team is in the body, so the service checks the caller's role in it.
      config: { access: access.user },
      schema: {
        tags: ['projects'],
        summary: 'Start a project in one of your teams (member or admin); it begins in scoping',
        security: SIGNED_IN,
        body: CreateProjectBody,
        response: { 201: ProjectDetail },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.ctx);
      const project = await services.projects.create(request.body, {
        ...request.ctx.actor,
        userId: user.id,
      });
      return reply.status(201).send(project);
    },
  );

  app.get(
    '/projects',
    {
      config: { access: access.user },
      schema: {
        tags: ['projects'],
        summary: 'Projects of your teams, newest first; filter by team, stage and archived',
        security: SIGNED_IN,
        querystring: ListProjectsQuery,
        response: { 200: pageOf(Project) },
      },
    },
    async (request) => {
      return services.projects.list(requireUser(request.ctx).id, request.query);
    },
  );

  app.get(
    '/projects/:id',
    {
      // Operators read the project's header and success criterion for its production pages.
      config: { access: access.withOperators(access.project('viewer')) },
      schema: {
        tags: ['projects'],
        summary:
          'A project with its scope, goals, success criterion and the gates to its next stage',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => services.projects.detail(request.params.id, request.ctx.role ?? 'viewer'),
  );

  app.patch(
    '/projects/:id',
    {
      config: { access: access.project('member') },
      schema: {
        tags: ['projects'],
        summary: 'Rename a project or edit its scope canvas (keys left out stay as they are)',
        security: SIGNED_IN,
        params: IdParam,
        body: UpdateProjectBody,
        response: { 200: ProjectDetail },
      },
    },
    async (request) =>
      services.projects.update(request.params.id, request.body, request.ctx.role ?? 'member'),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/projects/:id/${action}`,
      {
        config: { access: access.project('member') },
        schema: {
          tags: ['projects'],
          summary: archived
            ? 'Archive: hidden from lists and read-only (undo with unarchive)'
            : 'Unarchive a project',
          security: SIGNED_IN,
          params: IdParam,
          response: { 200: ProjectDetail },
        },
      },
      async (request) =>
        services.projects.setArchived(request.params.id, archived, request.ctx.role ?? 'member'),
    );
  }
}
