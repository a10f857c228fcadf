import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '@sextant/core';
import type { Principal } from '../http/access.js';
import { safeEqual, sha256Hex } from '../security/secrets.js';
import type { Services } from '../services/index.js';

export const SESSION_COOKIE = 'sextant_session';
/** Readable by the page's script, which echoes it in X-CSRF-Token on every write. */
export const CSRF_COOKIE = 'sextant_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const ANONYMOUS: Principal = { kind: 'anonymous' };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling, before the body is read: a bearer token (personal or CI)
 * or a session cookie. A bad bearer token is a 401 at once; a stale cookie is simply
 * ignored. Cookie-authenticated writes must echo the session's CSRF token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { services: Services }) => {
  const { services } = opts;
  // Set on every request by the hook below; the decorator only reserves the slot.
  app.decorateRequest('principal', null as unknown as { getter: () => Principal });

  app.addHook('onRequest', async (request, reply) => {
    request.principal = ANONYMOUS;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1]) {
        throw new AppError('invalid_token', 'The Authorization header must be "Bearer <token>".');
      }
      const principal = await services.auth.resolveToken(match[1], request.ip);
      // Deactivation revokes the person's tokens too; this check is the second lock.
      if (principal.kind === 'user' && principal.user.deactivatedAt) {
        throw new AppError('invalid_token', 'This token is not valid.', { reason: 'revoked' });
      }
      request.principal = principal;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const principal = await services.auth.resolveSession(cookie);
    // A deactivated person's sessions were ended; a session that somehow survived is ignored.
    if (!principal || (principal.kind === 'user' && principal.user.deactivatedAt)) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.principal = principal;
    const rule = request.routeOptions.config?.access;
    if (SAFE_METHODS.has(request.method) || rule?.kind === 'public') return;
    const sent = request.headers[CSRF_HEADER];
    const expected = principal.kind === 'user' ? principal.csrfHash : null;
    if (typeof sent !== 'string' || !expected || !safeEqual(sha256Hex(sent), expected)) {
      throw new AppError(
        'csrf_failed',
        'This write needs the X-CSRF-Token header from your session; reload the page and try again.',
      );
    }
  });
});
