import type { TeamRole } from '@sextant/core';
import type { Repositories } from '@sextant/db';

/** What an invitation email would say; `path` carries the secret, so it is never logged. */
export interface InvitationMessage {
  /** The invitation's id (the mail job checks it is still pending when it sends). */
  invitationId?: string;
  email: string;
  teamName: string;
  role: TeamRole;
  invitedByName: string | null;
  /** The web app's path (`/invitations/<token>`); the mailer prefixes the site's address. */
  path: string;
  expiresAt: string;
}

/** The job that mails an invitation: its payload holds the link until it is sent. */
export const INVITATION_MAIL_TASK = 'notify.invitation-mail';

export interface InvitationMailPayload {
  invitationId: string;
  to: string;
  /** The invitation's path (or absolute URL); made absolute with SEXTANT_PUBLIC_URL. */
  link: string;
}

/**
 * The seam for email delivery. `send` is given the write's transaction (`repos`) when the
 * invitation service calls it inside the transaction that stores the invitation: the
 * queued mailer enqueues its job there, so the mail exists exactly when the invitation does.
 */
export interface InvitationMailer {
  send(message: InvitationMessage, repos?: Repositories): Promise<void>;
}

/** No email delivery (SMTP unset): the link is shown once to copy. */
export const noInvitationMail: InvitationMailer = {
  send: () => Promise.resolve(),
};

/**
 * With SMTP configured: `notify.invitation-mail` {invitationId, to, link} is enqueued on the
 * caller's transaction; the job's handler (notifications/invitation-mail.ts) sends it, and
 * the job row, the only other copy of the link, is gone once it ran.
 */
export function queuedInvitationMail(now: () => Date): InvitationMailer {
  return {
    async send(message, repos) {
      if (!repos || !message.invitationId) {
        throw new Error('queued invitation mail must be sent inside the invitation transaction');
      }
      const payload: InvitationMailPayload = {
        invitationId: message.invitationId,
        to: message.email,
        link: message.path,
      };
      await repos.jobs.enqueue(INVITATION_MAIL_TASK, payload, { now: now().toISOString() });
    },
  };
}
