import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '@sextant/core';
import { sendError } from './errors.plugin.js';

/** A path that names a file (`/assets/index-3f2a.js`, `/favicon.ico`) rather than a page. */
const FILE_PATH = /\/[^/]+\.[A-Za-z0-9]+$/;

/**
 * Serves the built web UI and answers unknown page paths with index.html, so deep links
 * (/projects/123) work. Files are looked up at request time (a rebuild needs no restart);
 * a missing file is a 404, never index.html. Unknown API paths get a JSON 404.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { webDir: string | null }) => {
  const webDir = opts.webDir && existsSync(join(opts.webDir, 'index.html')) ? opts.webDir : null;
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes(`${join(webDir, 'assets')}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = !path.startsWith('/api/') && !FILE_PATH.test(path);
    if (isPage && webDir && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, new AppError('not_found', `No route ${request.method} ${path}`));
  });
});
