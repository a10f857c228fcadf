import type { z } from 'zod';
import { CliError } from './cli-error.js';

/** Validates CLI input with the API's own schemas; the first problem becomes the one-line error. */
export function parseOrFail<T extends z.ZodType>(
  schema: T,
  value: unknown,
  label?: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = label ?? (issue?.path.length ? issue.path.join('.') : 'input');
  throw new CliError(`${field}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Validates a request body built from flags with the API's own schema; the first problem is
 * named by where its field came from: `sources` maps a top-level field to its flag
 * (`--commit`), followed by the rest of the path (`CI metadata (jobUrl)`).
 */
export function parseBodyOrFail<T extends z.ZodType>(
  schema: T,
  value: unknown,
  sources: Readonly<Record<string, string>>,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const source = sources[path[0] ?? ''] ?? 'input';
  const where = path.length > 1 ? `${source} (${path.slice(1).join('.')})` : source;
  throw new CliError(`${where}: ${issue?.message ?? 'invalid'}`);
}
