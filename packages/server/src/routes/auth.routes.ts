import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordBody, LoginBody, LoginResponse, Me } from '@sextant/core';
import { access, requireUser } from '../http/access.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../plugins/auth.plugin.js';
import { SESSION_TTL_MS } from '../services/auth.service.js';
import { SIGNED_IN, type App, type RouteDeps } from './types.js';

/** HttpOnly session cookie plus a script-readable CSRF cookie; Secure whenever the request is https. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: { sessionToken: string; csrfToken: string },
): void {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  };
  reply.setCookie(SESSION_COOKIE, tokens.sessionToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, tokens.csrfToken, { ...common, httpOnly: false });
}

export function authRoutes(app: App, deps: RouteDeps): void {
  const { services } = deps;

  app.post(
    '/auth/login',
    {
      config: { access: access.public },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const issued = await services.auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousSessionToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      setSessionCookies(request, reply, issued);
      return { user: issued.user, csrfToken: issued.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: access.user },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: the session is revoked in the database',
        security: SIGNED_IN,
      },
    },
    async (request, reply) => {
      await services.auth.logout(request.principal, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { access: access.any },
      schema: {
        tags: ['auth'],
        summary: 'Who is calling: the person and their teams, or the CI token and its project',
        security: SIGNED_IN,
        response: { 200: Me },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind === 'ci') {
        return {
          kind: 'ci' as const,
          user: null,
          teams: [],
          via: 'ci_token' as const,
          ciProjectId: principal.projectId,
          csrfToken: null,
        };
      }
      const { user, teams } = await services.auth.me(requireUser(request.ctx));
      return {
        kind: 'user' as const,
        user,
        teams,
        via: principal.kind === 'user' ? principal.via : ('session' as const),
        ciProjectId: null,
        csrfToken: request.cookies[CSRF_COOKIE] ?? null,
      };
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: access.session },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; every other session ends and this one is renewed',
        security: SIGNED_IN,
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      const tokens = await services.auth.changePassword(requireUser(request.ctx), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookies(request, reply, tokens);
      return reply.status(204).send();
    },
  );
}
