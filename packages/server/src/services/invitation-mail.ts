import type { TeamRole } from '@sextant/core';

/** What an invitation email would say; `path` carries the secret, so it is never logged. */
export interface InvitationMessage {
  email: string;
  teamName: string;
  role: TeamRole;
  invitedByName: string | null;
  /** The web app's path (`/invitations/<token>`); the mailer prefixes the site's address. */
  path: string;
  expiresAt: string;
}

/**
 * The seam for email delivery: the invitation service calls `send` once an invitation is
 * stored (after its transaction commits). Sextant sends no mail yet, so the default does
 * nothing and the admin copies the link; the notifications work plugs a real mailer in here.
 */
export interface InvitationMailer {
  send(message: InvitationMessage): Promise<void>;
}

/** Today's mailer: no email delivery exists, the link is shown once to copy. */
export const noInvitationMail: InvitationMailer = {
  send: () => Promise.resolve(),
};
