import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '@sextant/core';
import { access } from '../http/access.js';
import { sendError } from './errors.plugin.js';

/** Where `npm run build` writes the one-file client (scripts/build-client.mjs). */
export const BUILT_CLIENT = fileURLToPath(
  new URL('../../../cli/dist/client/sextant.mjs', import.meta.url),
);
/** The Python client, a single standard-library file. */
export const PYTHON_CLIENT = fileURLToPath(
  new URL('../../../../clients/python/sextant_client.py', import.meta.url),
);

export interface ClientFiles {
  /** The bundled client, packages/cli/dist/client/sextant.mjs. */
  bundle: string;
  python: string;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Anyone may fetch them; a CI job checks the bytes against the checksum, never a cache's copy. */
function serve(reply: FastifyReply, bytes: Buffer, type: string, etag: string) {
  return reply
    .header('content-type', type)
    .header('cache-control', 'no-cache')
    .header('etag', `"${etag}"`)
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

/**
 * The clients a CI job downloads from the server it reports to, so it needs nothing but Node
 * (or Python) and curl: GET /cli/sextant.mjs (the client commands in one file, built by
 * `npm run build`), /cli/sextant.mjs.sha256 (`sha256sum -c` format) and
 * /cli/sextant_client.py. Public: they are the same bytes for every install of a version.
 * Read at request time, so a rebuild needs no restart.
 */
export const clientPlugin = fp(async (app: FastifyInstance, opts: { files?: ClientFiles }) => {
  const files = opts.files ?? { bundle: BUILT_CLIENT, python: PYTHON_CLIENT };
  const notBuilt = () =>
    new AppError(
      'not_found',
      'The client bundle is not built on this server: run `npm run build` (or `npm run build:client`).',
    );
  const config = { access: access.public };

  app.get('/cli/sextant.mjs', { config }, async (_request, reply) => {
    const bytes = await readOrNull(files.bundle);
    if (!bytes) return sendError(reply, notBuilt());
    return serve(reply, bytes, 'text/javascript; charset=utf-8', sha256(bytes));
  });
  app.get('/cli/sextant.mjs.sha256', { config }, async (_request, reply) => {
    const bytes = await readOrNull(files.bundle);
    if (!bytes) return sendError(reply, notBuilt());
    const sum = sha256(bytes);
    return serve(reply, Buffer.from(`${sum}  sextant.mjs\n`), 'text/plain; charset=utf-8', sum);
  });
  app.get('/cli/sextant_client.py', { config }, async (_request, reply) => {
    const bytes = await readOrNull(files.python);
    if (!bytes) {
      return sendError(
        reply,
        new AppError(
          'not_found',
          'This server has no Python client (clients/python/sextant_client.py).',
        ),
      );
    }
    return serve(reply, bytes, 'text/x-python; charset=utf-8', sha256(bytes));
  });
});
