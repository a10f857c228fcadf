import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { POSTGRES_ADMIN_URL, POSTGRES_REQUIRED, isPostgresReachable } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}

/** Decides once per run whether PostgreSQL tests run; with CI=true an unreachable server fails the run. */
export default async function setup(project: TestProject): Promise<void> {
  const reachable = await isPostgresReachable();
  if (!reachable && POSTGRES_REQUIRED) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}; CI=true requires the PostgreSQL tests to run. ` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  if (!reachable) {
    process.stderr.write(
      `\n!! PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: PostgreSQL tests are SKIPPED (they never are with CI=true)\n\n`,
    );
  } else {
    await dropStaleTestDatabases();
  }
  project.provide('postgresAvailable', reachable);
}

/** Test databases of runs that were killed before their teardown. */
async function dropStaleTestDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'sextant_t_%'",
    );
    const hourAgo = Date.now() - 3600_000;
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(stamp) && stamp < hourAgo) {
        await client.query(`drop database if exists ${datname} with (force)`);
      }
    }
  } finally {
    await client.end();
  }
}
