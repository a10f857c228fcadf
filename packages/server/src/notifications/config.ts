import { privateWebhooksAllowed } from './ssrf.js';

/** What the notification jobs need from the server's configuration (env names in brackets). */
export interface NotificationConfig {
  /** [SEXTANT_PUBLIC_URL] Links in messages are made absolute with it (no trailing slash). */
  publicUrl: string;
  /** [SEXTANT_SMTP_URL] smtp://…; null: no email is sent (email deliveries are skipped). */
  smtpUrl: string | null;
  /** [SEXTANT_MAIL_FROM] */
  mailFrom: string;
  /** [SEXTANT_TIME_ZONE] IANA; the digests go out at 08:00 there. */
  timeZone: string;
  /** [SEXTANT_WEBHOOK_RETRY_BASE_MS] The first retry's backoff; doubled per attempt, max 1 h. */
  webhookRetryBaseMs: number;
  /** [SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1] Send to loopback and private addresses (tests, labs). */
  allowPrivateWebhooks: boolean;
  /** Jitter's randomness (tests pin it); Math.random by default. */
  random?: () => number;
}

/**
 * What callers pass (the server's configuration fits): the public URL may be unset, the
 * private-destination switch defaults to SEXTANT_ALLOW_PRIVATE_WEBHOOKS.
 */
export type NotificationSettings = Omit<
  NotificationConfig,
  'publicUrl' | 'allowPrivateWebhooks'
> & {
  publicUrl: string | null;
  allowPrivateWebhooks?: boolean;
};

/** The settings made complete: a public URL (the listen address when unset) and the switch. */
export function notificationConfig(settings: NotificationSettings): NotificationConfig {
  return {
    publicUrl: (settings.publicUrl ?? 'http://localhost:4317').replace(/\/+$/, ''),
    smtpUrl: settings.smtpUrl,
    mailFrom: settings.mailFrom,
    timeZone: settings.timeZone,
    webhookRetryBaseMs: settings.webhookRetryBaseMs,
    allowPrivateWebhooks: settings.allowPrivateWebhooks ?? privateWebhooksAllowed(),
    ...(settings.random ? { random: settings.random } : {}),
  };
}

/** A web path made absolute with the public URL. */
export function absoluteUrl(config: Pick<NotificationConfig, 'publicUrl'>, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${config.publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
