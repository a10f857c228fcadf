/**
 * One error type for the whole product. Every error a caller can see has a stable
 * machine `code`, an HTTP `status`, a human `message` and optional `details`.
 * 5xx errors are never built from this type's details: see the server's error plugin.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_token: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  last_admin: 409,
  already_member: 409,
  email_taken: 409,
  sprint_overlap: 409,
  sprint_closed: 409,
  sprint_state: 409,
  story_committed: 409,
  /** An invitation link past its 7 days: nothing was changed. */
  invitation_expired: 410,
  /** An invitation link already accepted once: nothing was changed. */
  invitation_used: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  goal_not_quantifiable: 422,
  stage_gate_unmet: 422,
  stage_transition_invalid: 422,
  rule_violation: 422,
  user_not_found: 422,
  sprint_length_invalid: 422,
  assignee_not_member: 422,
  carry_over_invalid: 422,
  next_sprint_missing: 422,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  internal: 500,
  /** A dependency the server needs for this request is missing or down (e.g. Chromium for PDFs). */
  unavailable: 503,
  /** The database is unreachable or stopped answering; nothing was written, retry later. */
  database_unavailable: 503,
  /** The database has no room left to write; nothing was written. */
  storage_full: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetails = Record<string, unknown>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetails };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails;
  /** Extra response headers, e.g. Retry-After on 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
    this.headers = headers;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/** The one "not found" error: used for missing objects *and* for objects of another team. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
