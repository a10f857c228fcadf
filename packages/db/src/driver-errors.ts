/**
 * What a driver error means, the same on both databases: the one place that reads
 * better-sqlite3's and pg's error codes (the server's error plugin turns the meaning into
 * an HTTP answer).
 */

/** Driver error codes for constraint violations. */
const UNIQUE_VIOLATIONS = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  '23505',
]);
const REFERENCE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

/** PostgreSQL SQLSTATEs of a server that is going, gone or refusing connections. */
const PG_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a restart
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '53200', // out_of_memory
]);
/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * pg's own errors carry no code, only these messages: the socket ended ("Connection
 * terminated unexpectedly", "… due to connection timeout"), the pool waited too long for a
 * connection, or the client was already broken or closed.
 */
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;
const stringCode = (error: unknown): string =>
  typeof codeOf(error) === 'string' ? (codeOf(error) as string) : '';

/** A unique or primary-key violation: a concurrent request wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has(stringCode(error));
}

/** A foreign-key violation: something referred to was removed meanwhile. */
export function isReferenceViolation(error: unknown): boolean {
  return REFERENCE_VIOLATIONS.has(stringCode(error));
}

/**
 * The database cannot be reached or stopped answering mid-request (a restart, a killed
 * backend, a cut network, a connection that timed out), or SQLite could not read or write
 * its file: nothing about the request itself is wrong, and the same request may succeed
 * once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = stringCode(error);
  if (PG_UNAVAILABLE.has(code) || NETWORK_UNAVAILABLE.has(code)) return true;
  // SQLSTATE class 08: connection exception.
  if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return true;
  if (!code && PG_CONNECTION_MESSAGES.test(error.message)) return true;
  // Node reports a refused connection to every address of a host as one AggregateError.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return false;
}

/** The database has no room to write: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100). */
export function isStorageFull(error: unknown): boolean {
  const code = stringCode(error);
  return code === 'SQLITE_FULL' || code === '53100';
}
