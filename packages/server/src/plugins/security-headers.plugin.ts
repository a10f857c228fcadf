import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmetPlugin from '@fastify/helmet';
import { strictTransportSecurity } from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The web UI's policy. Vite's build is script and style files of our own origin and
 * nothing inline; ECharts draws SVG into the page. No plugin, no framing, no <base>,
 * no form posting elsewhere.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The interactive OpenAPI page (/api/docs, Swagger UI): its own scripts and styles, and the
 * icons its stylesheet carries as data: images. Applies under /api/docs only.
 */
export const DOCS_CSP: Directives = {
  ...APP_CSP,
  'img-src': ["'self'", 'data:'],
};
export const DOCS_PREFIX = '/api/docs';

/** A route's own policy, in the route's options: `{ helmet: cspOnly(REPORT_CSP_DIRECTIVES) }`. */
export const cspOnly = (directives: Directives) => ({
  contentSecurityPolicy: { useDefaults: false, directives },
});

/** Browsers remember https for a year once they have seen it over https. */
const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });

/**
 * Security headers on every answer, from helmet: the app's Content-Security-Policy,
 * nosniff, X-Frame-Options DENY, Referrer-Policy same-origin, the cross-origin policies.
 * A route may carry its own policy (`helmet` in its options: the sprint-demo report);
 * the API docs get DOCS_CSP. HSTS only when the request came over https (behind a
 * trusted proxy that says so): over plain http it would be ignored, and a localhost
 * install must stay reachable over http.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  // Runs before helmet's own onRoute hook, which reads `helmet` from the route options.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PREFIX) && route.helmet === undefined) {
      route.helmet = cspOnly(DOCS_CSP);
    }
  });
  await app.register(helmetPlugin, {
    ...cspOnly(APP_CSP),
    // Added per request below, over https only.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, next) => {
    if (request.protocol === 'https') hsts(request.raw, reply.raw, next);
    else next();
  });
});
