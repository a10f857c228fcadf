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
