import { describe, expect, it } from 'vitest';
import { loadConfig, notificationSettings } from '@sextant/server';

describe('notification settings from the environment', () => {
  it('defaults: UTC, no email, the listen URL for links, jobs on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      publicUrl: null,
      smtpUrl: null,
      mailFrom: 'Sextant <sextant@localhost>',
      timeZone: 'UTC',
      webhookRetryBaseMs: 30_000,
      worker: true,
      allowPrivateWebhooks: false,
    });
    expect(notificationSettings(config, 'http://127.0.0.1:4317').publicUrl).toBe(
      'http://127.0.0.1:4317',
    );
  });

  it('reads each variable', () => {
    const config = loadConfig({
      SEXTANT_PUBLIC_URL: 'https://sextant.example.com/',
      SEXTANT_SMTP_URL: 'smtp://mail.example.com:2525',
      SEXTANT_MAIL_FROM: 'Sextant <noreply@example.com>',
      SEXTANT_TIME_ZONE: 'Europe/Berlin',
      SEXTANT_WEBHOOK_RETRY_BASE_MS: '200',
      SEXTANT_WORKER: '0',
      SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1',
    });
    expect(notificationSettings(config, 'http://127.0.0.1:4317')).toEqual({
      publicUrl: 'https://sextant.example.com',
      smtpUrl: 'smtp://mail.example.com:2525',
      mailFrom: 'Sextant <noreply@example.com>',
      timeZone: 'Europe/Berlin',
      webhookRetryBaseMs: 200,
      allowPrivateWebhooks: true,
    });
    expect(config.worker).toBe(false);
  });

  it('refuses a time zone it does not know, naming the variable', () => {
    expect(() => loadConfig({ SEXTANT_TIME_ZONE: 'Europe/Atlantis' })).toThrow(
      /SEXTANT_TIME_ZONE must be an IANA time zone.*"Europe\/Atlantis"/,
    );
  });

  it('refuses malformed URLs, retry base and worker switch', () => {
    expect(() => loadConfig({ SEXTANT_PUBLIC_URL: 'sextant.example.com' })).toThrow(
      /SEXTANT_PUBLIC_URL must be an absolute URL/,
    );
    expect(() => loadConfig({ SEXTANT_SMTP_URL: 'http://mail' })).toThrow(
      /SEXTANT_SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(() => loadConfig({ SEXTANT_WEBHOOK_RETRY_BASE_MS: 'soon' })).toThrow(
      /SEXTANT_WEBHOOK_RETRY_BASE_MS/,
    );
    expect(() => loadConfig({ SEXTANT_WORKER: 'maybe' })).toThrow(/SEXTANT_WORKER must be 1 or 0/);
  });
});
