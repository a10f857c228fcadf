import { resolve } from 'node:path';
import { isTimeZone } from '@sextant/core';
import { parseClockStart } from './clock.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo workspace into an empty database on start. */
  demo: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind https). */
  trustProxy: boolean;
  /** Built web UI to serve, or null to serve the API only. */
  webDir: string | null;
  logLevel: string;
  /**
   * `SEXTANT_NOW`: the instant the server's clock starts at (then it runs normally), so the
   * demo and every date rule can be tried on a chosen day; null runs on the system clock.
   */
  clockStart: Date | null;
  /** `SEXTANT_PUBLIC_URL`: where people reach Sextant, for links in messages; null: the listen URL. */
  publicUrl: string | null;
  /** `SEXTANT_SMTP_URL` (smtp:// or smtps://); null: no email is sent. */
  smtpUrl: string | null;
  /** `SEXTANT_MAIL_FROM`: the From of every email. */
  mailFrom: string;
  /** `SEXTANT_TIME_ZONE` (IANA): where "Monday 08:00" of the weekly digest is. */
  timeZone: string;
  /** `SEXTANT_WEBHOOK_RETRY_BASE_MS`: the first webhook retry's delay; later ones grow from it. */
  webhookRetryBaseMs: number;
  /** `SEXTANT_WORKER=0`: this server runs no jobs and fires no schedules (another one does). */
  worker: boolean;
  /** `SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1`: webhooks may go to loopback and private addresses (tests, labs). */
  allowPrivateWebhooks: boolean;
  /** `SEXTANT_SCHEDULE_TICK_MS`: how often schedules (the digests) are checked; default 15 s. */
  scheduleTickMs: number;
}

/** What the notification jobs are given (the pipeline's NotificationConfig). */
export interface NotificationSettings {
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  timeZone: string;
  webhookRetryBaseMs: number;
  allowPrivateWebhooks: boolean;
}

/** The notification settings of a server listening at `listenUrl` (the default public URL). */
export function notificationSettings(
  config: ServerConfig,
  listenUrl: string,
): NotificationSettings {
  return {
    publicUrl: (config.publicUrl ?? listenUrl).replace(/\/+$/, ''),
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    timeZone: config.timeZone,
    webhookRetryBaseMs: config.webhookRetryBaseMs,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
  };
}

export const DEFAULT_MAIL_FROM = 'Sextant <sextant@localhost>';
export const DEFAULT_WEBHOOK_RETRY_BASE_MS = 30_000;

function absoluteUrl(value: string | undefined, name: string, protocols: string[]): string | null {
  if (value === undefined || value.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${value}"`,
    );
  }
  return parsed.toString();
}

function timeZoneOf(value: string | undefined): string {
  const zone = value?.trim() || 'UTC';
  if (!isTimeZone(zone)) {
    throw new Error(
      `SEXTANT_TIME_ZONE must be an IANA time zone such as Europe/Berlin or UTC, got "${value}"`,
    );
  }
  return zone;
}

function millisecondsOf(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1 || ms > 86_400_000) {
    throw new Error(
      `${name} must be a whole number of milliseconds from 1 to 86400000, got "${value}"`,
    );
  }
  return ms;
}

function workerOf(value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  throw new Error(`SEXTANT_WORKER must be 1 or 0, got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4317);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.SEXTANT_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.SEXTANT_DEMO !== '0' && env.SEXTANT_DEMO !== 'false',
    trustProxy: env.SEXTANT_TRUST_PROXY === '1' || env.SEXTANT_TRUST_PROXY === 'true',
    webDir: env.SEXTANT_WEB_DIR ?? null,
    logLevel: env.LOG_LEVEL ?? 'warn',
    clockStart: parseClockStart(env.SEXTANT_NOW),
    publicUrl:
      absoluteUrl(env.SEXTANT_PUBLIC_URL, 'SEXTANT_PUBLIC_URL', ['http:', 'https:'])?.replace(
        /\/+$/,
        '',
      ) ?? null,
    smtpUrl: absoluteUrl(env.SEXTANT_SMTP_URL, 'SEXTANT_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.SEXTANT_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    timeZone: timeZoneOf(env.SEXTANT_TIME_ZONE),
    webhookRetryBaseMs: millisecondsOf(
      env.SEXTANT_WEBHOOK_RETRY_BASE_MS,
      'SEXTANT_WEBHOOK_RETRY_BASE_MS',
      DEFAULT_WEBHOOK_RETRY_BASE_MS,
    ),
    worker: workerOf(env.SEXTANT_WORKER),
    allowPrivateWebhooks: env.SEXTANT_ALLOW_PRIVATE_WEBHOOKS === '1',
    scheduleTickMs: millisecondsOf(
      env.SEXTANT_SCHEDULE_TICK_MS,
      'SEXTANT_SCHEDULE_TICK_MS',
      15_000,
    ),
  };
}
