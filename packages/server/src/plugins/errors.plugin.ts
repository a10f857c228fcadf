import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import { AppError, isAppError } from '@sextant/core';
import {
  isDatabaseUnavailable,
  isReferenceViolation,
  isStorageFull,
  isUniqueViolation,
} from '@sextant/db';
import { locateJsonError } from '../http/json-error.js';

interface ValidationEntry {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: { keys?: string[] } & Record<string, unknown>;
}

interface FieldProblem {
  field: string;
  location: string;
  message: string;
}

/** `/scope/users/0/name` → `scope.users[0].name`. */
function dotted(instancePath: string | undefined): string {
  return (instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function fieldProblems(entries: ValidationEntry[], location: string): FieldProblem[] {
  return entries.flatMap((entry) => {
    const base = dotted(entry.instancePath);
    if (entry.keyword === 'unrecognized_keys' && entry.params?.keys?.length) {
      return entry.params.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        location,
        message: 'unknown field',
      }));
    }
    return [{ field: base || `(${location})`, location, message: entry.message ?? 'invalid' }];
  });
}

function validationError(error: FastifyError): AppError {
  const location = error.validationContext ?? 'body';
  const problems = fieldProblems((error.validation ?? []) as ValidationEntry[], location);
  const summary = problems
    .slice(0, 3)
    .map((p) => `${p.field}: ${p.message}`)
    .join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return new AppError('invalid_request', `Invalid ${location}: ${summary}${more}.`, {
    fields: problems,
  });
}

const FASTIFY_CODES: Record<string, (error: FastifyError) => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError('payload_too_large', 'The request body is larger than this endpoint accepts.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) =>
    new AppError(
      'unsupported_media_type',
      `${e.message}. Send JSON with Content-Type: application/json.`,
    ),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError(
      'invalid_json',
      'The body is empty but Content-Type says JSON; send a JSON value.',
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new AppError('invalid_request', 'Content-Length does not match the body.'),
};

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database's own failures, on either driver: an outage is a 503 the client may retry
 * (its Idempotency-Key makes the retry safe), a full disk a 507. Neither message names a
 * host, a file or the driver's words: those go to the log.
 */
function databaseError(error: unknown): AppError | null {
  if (isStorageFull(error)) {
    return new AppError(
      'storage_full',
      'The database has no space left to write; nothing was written. Retry once space has been freed.',
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'database_unavailable',
      // Not "nothing was written": a COMMIT cut off mid-way may have landed.
      'The database is unavailable; retry in a few seconds. A write retried with the same Idempotency-Key is stored once.',
      {},
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
  return null;
}

export function toAppError(error: FastifyError): AppError | null {
  if (isAppError(error)) return error;
  const database = databaseError(error);
  if (database) return database;
  // Constraint violations that a check-then-write lost to a concurrent request.
  if (isUniqueViolation(error)) {
    return new AppError('conflict', 'This already exists: another request created it first.');
  }
  if (isReferenceViolation(error)) {
    return new AppError(
      'conflict',
      'Something this refers to was removed meanwhile; reload and try again.',
    );
  }
  if (error.validation) return validationError(error);
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return mapped(error);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'not_found' : 'invalid_request', error.message);
  }
  return null;
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).headers(error.headers).send(error.toBody());
}

/**
 * Every error leaves as `{"error":{"code","message","details"}}`. 4xx errors say what
 * to fix; 5xx errors say only that something failed and carry the request id for the
 * logs, never internals.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (
      _request: FastifyRequest,
      body: string | Buffer,
      done: (err: Error | null, value?: unknown) => void,
    ) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        done(
          null,
          sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }),
        );
      } catch {
        const where = locateJsonError(text);
        const field = where?.field ? ` in field "${where.field}"` : '';
        const at = where
          ? ` at line ${where.line}, column ${where.column} (found ${JSON.stringify(where.found)})`
          : '';
        const hint =
          where && /^(NaN|-?Infinity|undefined)/.test(where.found)
            ? ' NaN, Infinity and undefined are not JSON numbers.'
            : '';
        done(
          new AppError('invalid_json', `The body is not valid JSON${field}${at}.${hint}`, {
            field: where?.field ?? null,
            line: where?.line ?? null,
            column: where?.column ?? null,
          }),
        );
      }
    },
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const database = databaseError(error);
    if (database) {
      // The operator needs the driver's words (which host, which file, which code); the
      // client gets the request id to quote.
      request.log.warn({ err: error }, database.message);
      return sendError(
        reply,
        new AppError(database.code, database.message, { requestId: request.id }, database.headers),
      );
    }
    const known = toAppError(error);
    if (known) return sendError(reply, known);
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: 'Something went wrong on the server; it has been logged.',
        details: { requestId: request.id },
      },
    });
  });
});
