import type { Connection, Store } from '@sextant/db';
import type { Clock, Services } from '@sextant/server';
import { CliError } from './cli-error.js';
import {
  announceDatabase,
  databaseTarget,
  refuseMissingSqlite,
  refuseUnmigrated,
} from './database-target.js';

export interface AdminContext {
  connection: Connection;
  store: Store;
  services: Services;
  /** The server's clock (`SEXTANT_NOW` or the system's), so what the CLI dates agrees with it. */
  clock: Clock;
}

/**
 * Admin commands talk to the database directly (same env as the server). They say which
 * one on stderr, refuse one that does not exist or was never migrated (they never create
 * it: `migrate` and `serve` do), and bring an existing one to the latest schema.
 */
export async function withAdminContext<T>(work: (ctx: AdminContext) => Promise<T>): Promise<T> {
  // Loaded here, not at start-up: `sextant evaluate` and the CI commands never need them.
  const { migrateToLatest, openConnection, SQLITE_FILE_NAME, Store } = await import('@sextant/db');
  const { clockFrom, createServices, loadConfig } = await import('@sextant/server');
  const config = loadConfig();
  const target = databaseTarget(config, SQLITE_FILE_NAME);
  announceDatabase(target);
  refuseMissingSqlite(target);
  const connection = openConnection({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await refuseUnmigrated(target, connection);
    await migrateToLatest(connection);
    const store = new Store(connection);
    const clock = clockFrom(config.clockStart);
    return await work({ connection, store, clock, services: createServices({ store, clock }) });
  } finally {
    await connection.close();
  }
}

/** Reads a secret piped on stdin (`echo pw | sextant …`), without its trailing newline. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliError('--password-stdin expects the password on standard input (pipe it in)');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
