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

export const DEFAULT_MAIL_FROM = 'Sextant <sextant@localhost>';
export const DEFAULT_RETRY_BASE_MS = 30_000;

/** The notification settings from the environment; `listenUrl` is the default public URL. */
export function notificationConfigFrom(
  env: NodeJS.ProcessEnv,
  listenUrl: string,
): NotificationConfig {
  const base = Number(env.SEXTANT_WEBHOOK_RETRY_BASE_MS ?? DEFAULT_RETRY_BASE_MS);
  if (!Number.isFinite(base) || base < 0) {
    throw new Error(
      `SEXTANT_WEBHOOK_RETRY_BASE_MS must be a number of milliseconds, got "${env.SEXTANT_WEBHOOK_RETRY_BASE_MS}"`,
    );
  }
  return {
    publicUrl: (env.SEXTANT_PUBLIC_URL || listenUrl).replace(/\/+$/, ''),
    smtpUrl: env.SEXTANT_SMTP_URL || null,
    mailFrom: env.SEXTANT_MAIL_FROM || DEFAULT_MAIL_FROM,
    timeZone: env.SEXTANT_TIME_ZONE || 'UTC',
    webhookRetryBaseMs: base,
    allowPrivateWebhooks: env.SEXTANT_ALLOW_PRIVATE_WEBHOOKS === '1',
  };
}

/** A web path made absolute with the public URL. */
export function absoluteUrl(config: Pick<NotificationConfig, 'publicUrl'>, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${config.publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
