/** A field named in a 400 invalid_request answer: `scope.users[0].name`, `evaluation.trainSize`. */
export interface FieldProblem {
  field: string;
  location?: string;
  message: string;
}

/**
 * Every failed call becomes one of these, built from the API's
 * `{"error":{"code","message","details"}}` body (or from the network failure).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** Seconds to wait before retrying, from a 429's Retry-After. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The fields a 400 invalid_request named, if any. */
  get fields(): FieldProblem[] {
    return fieldProblems(this.details.fields);
  }
}

/**
 * The `{ field, message }` entries of a list in an error's details (`details.fields`, or a
 * 422's `details.problems`); anything else, or a value that is no list, gives none.
 */
export function fieldProblems(list: unknown): FieldProblem[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is FieldProblem =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as FieldProblem).field === 'string' &&
      typeof (f as FieldProblem).message === 'string',
  );
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/**
 * Field errors keyed by field path, from a 400's `details.fields`. A key may be
 * shortened by `prefix` (e.g. `scope.`) so forms can look fields up by their own names.
 */
export function fieldErrors(error: unknown, prefix = ''): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    const key =
      prefix && problem.field.startsWith(prefix)
        ? problem.field.slice(prefix.length)
        : problem.field;
    out[key] ??= problem.message;
  }
  return out;
}
