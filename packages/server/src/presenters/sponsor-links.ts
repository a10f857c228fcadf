import { SPONSOR_LINK_PATH, type CreatedSponsorLink, type SponsorLink } from '@sextant/core';
import type { SponsorLinkRecord } from '@sextant/db';

/** A sponsor link as the project's admins see it (never its secret). */
export const presentSponsorLink = (l: SponsorLinkRecord): SponsorLink => ({
  id: l.id,
  projectId: l.projectId,
  name: l.name,
  createdBy: l.createdBy,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
  lastUsedAt: l.lastUsedAt,
});

/** A sponsor link just made: the only answer that carries its secret and path. */
export const presentCreatedSponsorLink = (
  l: SponsorLinkRecord,
  token: string,
): CreatedSponsorLink => ({
  ...presentSponsorLink(l),
  token,
  path: `${SPONSOR_LINK_PATH}${token}`,
});
