import {
  Artifact,
  ArtifactList,
  CreateArtifactBody,
  IdParam,
  ListArtifactsQuery,
  RecordReuseBody,
  WorkspaceArtifactKpis,
} from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/**
 * The workspace catalogue of reusable artifacts. Not project-scoped: every signed-in person
 * reads the catalogue; the service checks the project named in a write body (404 for another
 * team's) and hides other teams' project names and ids from every answer.
 */
export function artifactRoutes(app: App, { services }: RouteDeps): void {
  app.get(
    '/artifacts',
    {
      config: { access: access.user },
      schema: {
        tags: ['artifacts'],
        summary:
          'The catalogue of reusable artifacts (every team’s), filtered by kind or words, sorted by name, most reused or newest',
        security: SIGNED_IN,
        querystring: ListArtifactsQuery,
        response: { 200: ArtifactList },
      },
    },
    async (request) => services.artifacts.list(request.query, requireUser(request.ctx).id),
  );

  app.get(
    '/artifacts/kpis',
    {
      config: { access: access.user },
      schema: {
        tags: ['artifacts'],
        summary:
          'Artifacts produced and reused: workspace totals, the most reused, and the figures of your projects',
        security: SIGNED_IN,
        response: { 200: WorkspaceArtifactKpis },
      },
    },
    async (request) => services.artifacts.workspaceKpis(requireUser(request.ctx).id),
  );

  app.post(
    '/artifacts',
    {
      config: { access: access.user },
      schema: {
        tags: ['artifacts'],
        summary:
          'Add a reusable artifact produced by one of your projects (member role in its team)',
        security: SIGNED_IN,
        body: CreateArtifactBody,
        response: { 201: Artifact },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.ctx);
      const actor = { ...request.ctx.actor, userId: user.id };
      return reply.status(201).send(await services.artifacts.create(request.body, actor));
    },
  );

  app.get(
    '/artifacts/:id',
    {
      config: { access: access.user },
      schema: {
        tags: ['artifacts'],
        summary: 'One artifact with the reuses you may see (other teams’ only as a count)',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Artifact },
      },
    },
    async (request) => services.artifacts.get(request.params.id, requireUser(request.ctx).id),
  );

  app.post(
    '/artifacts/:id/reuses',
    {
      config: { access: access.user },
      schema: {
        tags: ['artifacts'],
        summary:
          'Record that one of your projects reused this artifact, and for what (member role in its team)',
        security: SIGNED_IN,
        params: IdParam,
        body: RecordReuseBody,
        response: { 201: Artifact },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.ctx);
      const actor = { ...request.ctx.actor, userId: user.id };
      return reply
        .status(201)
        .send(await services.artifacts.recordReuse(request.params.id, request.body, actor));
    },
  );
}
