import { z } from 'zod';
import {
  AddMemberBody,
  CreateTeamBody,
  IdParam,
  Member,
  MemberParams,
  Team,
  UpdateMemberBody,
} from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

export function teamRoutes(app: App, { services }: RouteDeps): void {
  app.post(
    '/teams',
    {
      config: { access: access.user },
      schema: {
        tags: ['teams'],
        summary: 'Create a team; you become its admin',
        security: SIGNED_IN,
        body: CreateTeamBody,
        response: { 201: Team },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.ctx);
      const team = await services.teams.create(request.body.name, {
        ...request.ctx.actor,
        userId: user.id,
      });
      return reply.status(201).send(team);
    },
  );

  app.get(
    '/teams',
    {
      config: { access: access.user },
      schema: {
        tags: ['teams'],
        summary: 'The teams you belong to, with your role',
        security: SIGNED_IN,
        response: { 200: z.object({ items: z.array(Team) }) },
      },
    },
    async (request) => {
      return { items: await services.teams.listForUser(requireUser(request.ctx).id) };
    },
  );

  app.get(
    '/teams/:id',
    {
      config: { access: access.team('viewer') },
      schema: {
        tags: ['teams'],
        summary: 'One team',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: Team },
      },
    },
    async (request) => services.teams.get(request.params.id, requireUser(request.ctx).id),
  );

  app.get(
    '/teams/:id/members',
    {
      config: { access: access.team('viewer') },
      schema: {
        tags: ['teams'],
        summary: 'Members of a team and their roles',
        security: SIGNED_IN,
        params: IdParam,
        response: { 200: z.object({ items: z.array(Member) }) },
      },
    },
    async (request) => ({
      items: await services.teams.listMembers(request.params.id),
    }),
  );

  app.post(
    '/teams/:id/members',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['teams'],
        summary: 'Add an existing account to the team with a role',
        security: SIGNED_IN,
        params: IdParam,
        body: AddMemberBody,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const member = await services.teams.addMember(
        request.params.id,
        request.body,
        request.ctx.actor,
      );
      return reply.status(201).send(member);
    },
  );

  app.patch(
    '/teams/:id/members/:userId',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['teams'],
        summary: "Change a member's role (a team keeps at least one admin)",
        security: SIGNED_IN,
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: Member },
      },
    },
    async (request) =>
      services.teams.changeRole(
        request.params.id,
        request.params.userId,
        request.body.role,
        request.ctx.actor,
      ),
  );

  app.delete(
    '/teams/:id/members/:userId',
    {
      config: { access: access.team('admin') },
      schema: {
        tags: ['teams'],
        summary: 'Remove a member; their sessions end at once',
        security: SIGNED_IN,
        params: MemberParams,
      },
    },
    async (request, reply) => {
      await services.teams.removeMember(
        request.params.id,
        request.params.userId,
        request.ctx.actor,
      );
      return reply.status(204).send();
    },
  );
}
