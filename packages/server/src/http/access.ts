import type { TeamRole } from '@sextant/core';
import type { UserRecord } from '@sextant/db';

/**
 * Who is calling. A CI token is not a person: it acts for one project and may only
 * reach routes that name it in their access rule.
 */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      user: UserRecord;
      via: 'session' | 'personal_token';
      sessionIdHash: string | null;
      csrfHash: string | null;
      tokenId: string | null;
    }
  | { kind: 'ci'; tokenId: string; projectId: string; createdBy: string };

/** What a CI token may do on its project; routes for runs and deployments name these. */
export type CiScope = 'runs:write' | 'deployments:write' | 'feedback:write' | 'goals:write';

/**
 * Every API route declares one of these; a route without one is refused at start-up,
 * and a request that matches none is denied.
 */
export type AccessRule =
  | { kind: 'public' }
  /** Any signed-in person (session or personal token). */
  | { kind: 'user' }
  /** A person signed in with a browser session (not a token), e.g. to change a password. */
  | { kind: 'session' }
  /** Any authenticated caller, CI tokens included (e.g. GET /me). */
  | { kind: 'any' }
  | { kind: 'workspace_admin' }
  /**
   * The `id` path parameter is a team; the caller needs at least `role` in it, or, where
   * `workspaceAdmins` says so, to be a workspace admin (who may then act on any team).
   */
  | { kind: 'team'; role: TeamRole; workspaceAdmins?: boolean }
  /**
   * The `id` path parameter is a project — or an object of one (`of`: a sprint, story,
   * backlog item…); the caller needs at least `role` in the project's team.
   */
  | {
      kind: 'project';
      role: TeamRole;
      ci?: CiScope;
      of?: ProjectObject;
      /** The team's operators may call it too (the production pages and their feedback). */
      operators?: true;
    };

/** Objects whose `id` leads to their project for access checks. */
export type ProjectObject =
  'project' | 'sprint' | 'story' | 'run' | 'backlogItem' | 'insight' | 'goal';

/** The outcome of the access check, handed to the route. */
export interface AccessContext {
  principal: Principal;
  /** Attribution for writes and the audit log. */
  actor: Actor;
  /** Set for team and project rules. */
  teamId: string | null;
  role: TeamRole | null;
  projectId: string | null;
}

export interface Actor {
  userId: string | null;
  tokenId: string | null;
  ip: string | null;
}

export const access = {
  public: { kind: 'public' },
  user: { kind: 'user' },
  session: { kind: 'session' },
  any: { kind: 'any' },
  workspaceAdmin: { kind: 'workspace_admin' },
  team: (role: TeamRole): AccessRule => ({ kind: 'team', role }),
  /** The team's admins and every workspace admin (invitations). */
  teamAdminOrWorkspaceAdmin: { kind: 'team', role: 'admin', workspaceAdmins: true },
  project: (role: TeamRole, ci?: CiScope): AccessRule =>
    ci ? { kind: 'project', role, ci } : { kind: 'project', role },
  sprint: (role: TeamRole): AccessRule => ({ kind: 'project', role, of: 'sprint' }),
  story: (role: TeamRole): AccessRule => ({ kind: 'project', role, of: 'story' }),
  backlogItem: (role: TeamRole): AccessRule => ({ kind: 'project', role, of: 'backlogItem' }),
  insight: (role: TeamRole): AccessRule => ({ kind: 'project', role, of: 'insight' }),
  run: (role: TeamRole): AccessRule => ({ kind: 'project', role, of: 'run' }),
  goal: (role: TeamRole, ci?: CiScope): AccessRule =>
    ci ? { kind: 'project', role, of: 'goal', ci } : { kind: 'project', role, of: 'goal' },
  /** The same project rule, and the team's operators let through as well. */
  withOperators: (rule: AccessRule): AccessRule => {
    if (rule.kind !== 'project') throw new Error('Only project rules name operators');
    return { ...rule, operators: true };
  },
} as const satisfies Record<string, AccessRule | ((...args: never[]) => AccessRule)>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    principal: Principal;
    ctx: AccessContext;
  }
}

/** The user behind a request, for routes whose rule guarantees a person is calling. */
export function requireUser(ctx: AccessContext): UserRecord {
  if (ctx.principal.kind !== 'user') throw new Error('Route rule must guarantee a user');
  return ctx.principal.user;
}
