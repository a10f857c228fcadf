import { resolve } from 'node:path';
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
  };
}
