import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, notFound, roleAtLeast } from '@sextant/core';
import type { OwnedTable, Owner, Store } from '@sextant/db';
import { iso, type Clock } from '../clock.js';
import type { AccessContext, AccessRule, Actor, Principal, ProjectObject } from '../http/access.js';

const OBJECT_NAMES: Record<ProjectObject, string> = {
  project: 'Project',
  sprint: 'Sprint',
  story: 'Story',
  run: 'Run',
  backlogItem: 'Backlog item',
  insight: 'Insight',
  goal: 'Goal',
};

export const API_PREFIX = '/api/v1';

function actorOf(principal: Principal, ip: string): Actor {
  if (principal.kind === 'user')
    return { userId: principal.user.id, tokenId: principal.tokenId, ip };
  if (principal.kind === 'ci') return { userId: null, tokenId: principal.tokenId, ip };
  return { userId: null, tokenId: null, ip };
}

const unauthenticated = () =>
  new AppError('unauthenticated', 'Sign in, or send a token as "Authorization: Bearer <token>".');

const ciDenied = () =>
  new AppError(
    'forbidden',
    'A CI token may only post runs, deployments, feedback and goal measurements to its own project.',
  );

/**
 * Enforces each route's declared access rule. Objects of a team the caller is not in
 * answer exactly like objects that do not exist (404, same body); a known caller whose
 * role is too low gets 403. Denials go to the audit log.
 */
/** Where each kind of project-owned object lives. */
const OWNED_TABLE: Record<Exclude<ProjectObject, 'project'>, OwnedTable> = {
  sprint: 'sprints',
  story: 'stories',
  run: 'runs',
  backlogItem: 'backlog_items',
  insight: 'insights',
  goal: 'goals',
};

export const accessPlugin = fp(
  async (app: FastifyInstance, opts: { store: Store; clock: Clock }) => {
    const { store, clock } = opts;
    // Set on every request by the hook below; the decorator only reserves the slot.
    app.decorateRequest('ctx', null as unknown as { getter: () => AccessContext });

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith(API_PREFIX) && !route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
      }
    });

    /** The project and team an object belongs to, or undefined when there is no such object. */
    const findOwner = async (of: ProjectObject, id: string): Promise<Owner | undefined> => {
      if (of !== 'project') return store.repos.owners.find(OWNED_TABLE[of], id);
      const teamId = await store.repos.projects.findTeamId(id);
      return teamId ? { projectId: id, teamId } : undefined;
    };

    const deny = async (
      request: FastifyRequest,
      rule: AccessRule,
      reason: string,
      error: AppError,
      teamId: string | null = null,
    ): Promise<never> => {
      const actor = actorOf(request.principal, request.ip);
      await store.repos.audit.record(
        {
          action: 'access.denied',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          teamId,
          targetType: rule.kind,
          targetId: (request.params as { id?: string } | undefined)?.id ?? null,
          ip: request.ip,
          details: {
            reason,
            method: request.method,
            route: request.routeOptions.url,
            status: error.status,
          },
        },
        iso(clock.now()),
      );
      throw error;
    };

    app.addHook('preValidation', async (request) => {
      const rule = request.routeOptions.config?.access;
      const principal = request.principal;
      const ctx: AccessContext = {
        principal,
        actor: actorOf(principal, request.ip),
        teamId: null,
        role: null,
        projectId: null,
      };
      request.ctx = ctx;
      if (!rule) {
        // Only the 404 handler and routes outside the API (the web UI's files) come without a rule.
        if (request.is404 || !(request.routeOptions.url ?? '').startsWith(API_PREFIX)) return;
        throw new AppError('forbidden', 'This route declares no access rule, so it is closed.');
      }
      if (rule.kind === 'public') return;
      if (principal.kind === 'anonymous') throw unauthenticated();
      if (rule.kind === 'any') return;

      const id = (request.params as { id?: string } | undefined)?.id ?? '';

      if (rule.kind === 'project') {
        const of = rule.of ?? 'project';
        const owner = await findOwner(of, id);
        const missing = () => notFound(OBJECT_NAMES[of]);
        if (principal.kind === 'ci') {
          if (!owner || principal.projectId !== owner.projectId) throw missing();
          if (!rule.ci) return deny(request, rule, 'ci_scope', ciDenied(), owner.teamId);
          Object.assign(ctx, { teamId: owner.teamId, projectId: owner.projectId });
          return;
        }
        if (!owner) throw missing();
        const role = await store.repos.teams.roleOf(owner.teamId, principal.user.id);
        if (!role) return deny(request, rule, 'not_member', missing(), owner.teamId);
        const operatorAllowed = role === 'operator' && rule.operators === true;
        if (!operatorAllowed && !roleAtLeast(role, rule.role)) {
          const message =
            role === 'operator'
              ? "An operator sees the project's production pages and records decisions and outcomes, nothing else."
              : `This needs the ${rule.role} role in the project's team; you are ${role}.`;
          return deny(
            request,
            rule,
            'role',
            new AppError('forbidden', message, { requiredRole: rule.role, role }),
            owner.teamId,
          );
        }
        Object.assign(ctx, { teamId: owner.teamId, role, projectId: owner.projectId });
        return;
      }

      if (principal.kind === 'ci') return deny(request, rule, 'ci_scope', ciDenied());

      if (rule.kind === 'user') return;
      if (rule.kind === 'session') {
        if (principal.via === 'session') return;
        return deny(
          request,
          rule,
          'not_session',
          new AppError('forbidden', 'Do this from a signed-in browser session, not with a token.'),
        );
      }
      if (rule.kind === 'workspace_admin') {
        if (!principal.user.isAdmin) {
          return deny(
            request,
            rule,
            'not_admin',
            new AppError('forbidden', 'Only a workspace admin may do this.'),
          );
        }
        return;
      }
      // rule.kind === 'team'
      const role = await store.repos.teams.roleOf(id, principal.user.id);
      if (
        rule.workspaceAdmins &&
        principal.user.isAdmin &&
        (role || (await store.repos.teams.findById(id)))
      ) {
        Object.assign(ctx, { teamId: id, role: role ?? null });
        return;
      }
      if (!role) {
        const exists = await store.repos.teams.findById(id);
        if (exists) return deny(request, rule, 'not_member', notFound('Team'), id);
        throw notFound('Team');
      }
      if (!roleAtLeast(role, rule.role)) {
        return deny(
          request,
          rule,
          'role',
          new AppError(
            'forbidden',
            `This needs the ${rule.role} role in this team; you are ${role}.`,
            {
              requiredRole: rule.role,
              role,
            },
          ),
          id,
        );
      }
      Object.assign(ctx, { teamId: id, role });
    });
  },
);
