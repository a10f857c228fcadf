import { z } from 'zod';
import { isCalendarDate } from '../domain/dates.js';

/** Lengths a person would never exceed; anything longer is refused with 400, naming the field. */
export const LIMITS = {
  name: 200,
  shortText: 1_000,
  longText: 10_000,
  list: 100,
  email: 254,
  password: 1_024,
} as const;

/** Ids in paths are opaque strings: an unknown id and a foreign id both answer 404. */
export const IdParam = z.strictObject({ id: z.string().min(1).max(100) });

export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max: number) => z.string().trim().max(max);

export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const Instant = z.iso.datetime({ offset: true });

/**
 * A link a person or a pipeline gives (a CI job, where an artifact lives): http:// or https://
 * only, so a `javascript:` or `data:` URL is a 400 naming the field and is never stored.
 */
export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2_000);

export const Email = z
  .string()
  .trim()
  .max(LIMITS.email)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((v) => v.toLowerCase());

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` to read the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});

export const UserRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof UserRef>;
