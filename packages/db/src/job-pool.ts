import pg from 'pg';
import { PG_CONNECT_TIMEOUT_MS } from './dialects/postgres.js';

/**
 * The job queue's own small pool on PostgreSQL (graphile-worker's LISTEN client and its job
 * fetches), apart from the requests' pool so a busy worker never starves a request. An idle
 * connection the server drops (restart, `pg_terminate_backend`) is reported here, not thrown:
 * without a listener the pool's `error` event would end the process.
 */
export function openJobQueuePool(
  url: string,
  max: number,
  onError: (error: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  pool.on('error', onError);
  // A checked-out client's error is its holder's (graphile listens on its own clients); an idle
  // one's reaches the pool too, so it is reported once, above.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
