import { z } from 'zod';
import { Instant, LIMITS, UserRef, requiredText } from './common.js';

/** Every token starts with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = 'sxt_';

export const CreateTokenBody = z.strictObject({
  name: requiredText(LIMITS.name),
  /** Optional expiry instant (ISO-8601 with offset); must be in the future. */
  expiresAt: Instant.nullable().optional(),
});

export const TokenKind = z.enum(['personal', 'ci']);

export const Token = z.object({
  id: z.string(),
  kind: TokenKind,
  name: z.string(),
  /** The first characters, enough to recognise it in a list; never the secret. */
  prefix: z.string(),
  projectId: z.string().nullable(),
  /** Who made it; a CI token's creator may revoke it, as may an admin of its team. */
  createdBy: UserRef,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Token = z.infer<typeof Token>;

/** The answer to a creation: the only time the secret is shown. */
export const CreatedToken = Token.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;
