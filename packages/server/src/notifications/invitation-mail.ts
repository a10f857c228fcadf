import { emailDocument, emailFooter, escapeHtml, formatDayText } from '@sextant/core';
import type { InvitationMailPayload } from '../services/invitation-mail.js';
import { absoluteUrl } from './config.js';
import { payloadString, type JobHandler, type NotificationDeps } from './deps.js';

/** The invitation email: who invites to which team, the link and until when it works. */
export function invitationEmail(input: {
  teamName: string;
  role: string;
  invitedByName: string | null;
  url: string;
  expiresAt: string;
  timeZone: string;
}): { subject: string; text: string; html: string } {
  const who = input.invitedByName ?? 'A team admin';
  const subject = `[Sextant] ${who} invited you to ${input.teamName}`.replace(/[\r\n]+/g, ' ');
  const until = formatDayText(input.expiresAt, input.timeZone);
  const footer = emailFooter(null);
  const text = [
    `${who} invited you to join the team ${input.teamName} in Sextant as ${input.role}.`,
    '',
    `Accept the invitation: ${input.url}`,
    `The link works until ${until} and only once.`,
    '',
    '--',
    footer.text,
  ].join('\n');
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(who)} invited you to join the team <strong>${escapeHtml(input.teamName)}</strong> ` +
      `in Sextant as ${escapeHtml(input.role)}.</p>` +
      `<p><a href="${escapeHtml(input.url)}">Accept the invitation</a></p>` +
      `<p>The link works until ${escapeHtml(until)} and only once.</p><hr>${footer.html}`,
  );
  return { subject, text, html };
}

/**
 * `notify.invitation-mail` {invitationId, to, link}: sends the invitation if it is still
 * pending (not revoked, accepted or expired). Without SMTP it does nothing. A failed send
 * throws, so the queue tries again.
 */
export const invitationMailHandler =
  (deps: NotificationDeps): JobHandler =>
  async (payload) => {
    const data: InvitationMailPayload = {
      invitationId: payloadString(payload, 'invitationId'),
      to: payloadString(payload, 'to'),
      link: payloadString(payload, 'link'),
    };
    const { store, clock, config, mailer } = deps;
    if (!mailer) return;
    const invitation = await store.repos.invitations.findById(data.invitationId);
    if (
      !invitation ||
      invitation.revokedAt !== null ||
      invitation.acceptedAt !== null ||
      invitation.expiresAt < clock.now().toISOString()
    ) {
      return;
    }
    const message = invitationEmail({
      teamName: invitation.teamName,
      role: invitation.role,
      invitedByName: invitation.invitedBy?.name ?? null,
      url: absoluteUrl(config, data.link),
      expiresAt: invitation.expiresAt,
      timeZone: config.timeZone,
    });
    await mailer.send({ to: data.to, unsubscribeUrl: null, ...message });
  };
