import type { Token } from '@sextant/core';
import type { TokenRecord } from '@sextant/db';

export const presentToken = (t: TokenRecord): Token => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  prefix: t.prefix,
  projectId: t.projectId,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** A token just made: the only answer that carries its secret. */
export const presentCreatedToken = (t: TokenRecord & { token: string }) => ({
  ...presentToken(t),
  token: t.token,
});
