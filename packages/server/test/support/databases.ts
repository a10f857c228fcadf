import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openConnection, type Connection, type DatabaseKind } from '@sextant/db';

/** The server every PostgreSQL test database is created on. */
export const POSTGRES_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({
      connectionString: POSTGRES_ADMIN_URL,
      connectionTimeoutMillis: 3_000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresReachable;
}

/** With CI=true PostgreSQL tests must run: an unreachable server fails them instead of skipping. */
export const POSTGRES_REQUIRED = process.env.CI === 'true' || process.env.CI === '1';

export interface TestDatabase {
  kind: DatabaseKind;
  /** DATABASE_URL for PostgreSQL, or undefined for SQLite. */
  url: string | undefined;
  dataDir: string;
  connect(): Connection;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the given kind: a temp folder for SQLite, a new database on PostgreSQL. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sextant-test-'));
  if (kind === 'sqlite') {
    return {
      kind,
      url: undefined,
      dataDir,
      connect: () => openConnection({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `sextant_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    dataDir,
    connect: () => openConnection({ url: url.toString(), dataDir }),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      // pg's Pool.end() resolves before its sockets close; give the backends a moment
      // to go rather than killing them (which the closing clients would report).
      for (let attempt = 0; attempt < 20; attempt += 1) {
        try {
          await adminQuery(`drop database if exists ${name}`);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export async function createMigratedConnection(database: TestDatabase): Promise<Connection> {
  const connection = database.connect();
  await migrateToLatest(connection);
  return connection;
}
