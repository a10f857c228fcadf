// `--postgres`: a benchmark's phases on a throw-away database created on TEST_DATABASE_URL's
// server (default postgres://postgres@127.0.0.1:5432/test) and dropped afterwards.
import pg from 'pg';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work(url)` on a new database of POSTGRES_ADMIN_URL's server, dropped afterwards. */
export async function withThrowawayPostgres(work) {
  const name = `sextant_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create database ${name}`);
  try {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
}
