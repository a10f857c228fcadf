/** Driver error codes for constraint violations, the same meaning on both databases. */
const UNIQUE_VIOLATIONS = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  '23505',
]);
const REFERENCE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** A unique or primary-key violation: a concurrent request wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === 'string' && UNIQUE_VIOLATIONS.has(code);
}

/** A foreign-key violation: something referred to was removed meanwhile. */
export function isReferenceViolation(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === 'string' && REFERENCE_VIOLATIONS.has(code);
}
