import nodemailer from 'nodemailer';
import type { NotificationConfig } from './config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Absolute one-click unsubscribe URL (RFC 8058: it must accept a POST); null for none. */
  unsubscribeUrl: string | null;
}

/** Sends one email; throws when the SMTP server does not take it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The SMTP transport of SEXTANT_SMTP_URL, or null when email is off. Every message carries
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) when it has an unsubscribe link, so
 * mail clients offer their own one-click button.
 */
export function createMailer(
  config: Pick<NotificationConfig, 'smtpUrl' | 'mailFrom'>,
): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.unsubscribeUrl
          ? {
              'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }
          : {},
      });
    },
    close() {
      transport.close();
    },
  };
}
