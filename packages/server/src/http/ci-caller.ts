import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@sextant/core';
import type { AccessContext, Actor } from './access.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Same key and body within 24 h replays the first answer; same key, other body: 422'),
});

/**
 * Who posts a run or a deployment: attribution, the CI token's project (for provenance)
 * and the idempotency scope.
 */
export interface CiCaller {
  actor: Actor;
  ciProjectId: string | null;
  idempotencyScope: string;
  idempotencyKey: string | null;
}

/** Who is posting, for provenance, attribution and the scope of idempotency keys. */
export function callerOf(request: FastifyRequest, ctx: AccessContext): CiCaller {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : null;
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      'invalid_request',
      'Idempotency-Key: must be 1 to 200 visible ASCII characters (a UUID is a good key).',
      { field: 'Idempotency-Key' },
    );
  }
  const { principal, actor } = ctx;
  const scope =
    actor.tokenId !== null ? `token:${actor.tokenId}` : `user:${actor.userId ?? 'anonymous'}`;
  return {
    actor,
    ciProjectId: principal.kind === 'ci' ? principal.projectId : null,
    idempotencyScope: scope,
    idempotencyKey: key,
  };
}
