import type pg from 'pg';
import { isDatabaseUnavailable } from '../driver-errors.js';

type Query = (...args: unknown[]) => unknown;

const ROLLBACK = /^\s*rollback\s*$/i;

function reportLost(error: Error): void {
  process.emitWarning(`PostgreSQL connection lost: ${error.message}`, 'SextantDatabaseWarning');
}

/**
 * Makes one pooled client safe to lose. The pool's own `error` listener covers idle
 * clients only: a client checked out (the group commit holds one almost all the time) that
 * hears "terminating connection due to administrator command" between two queries emits
 * `error` with nobody listening, and Node ends the process. So every client listens for
 * itself, for its whole life.
 *
 * And a broken client is never handed out again: once a query fails because the connection
 * is gone (or a ROLLBACK fails, leaving the transaction's state unknown), the client is
 * ended, and the pool discards an ended client when Kysely releases it instead of giving the
 * next request a dead connection.
 */
export function guardPooledClient(client: pg.PoolClient): void {
  client.on('error', reportLost);
  const query = client.query.bind(client) as Query;
  const guarded: Query = (...args) => {
    const result = query(...args);
    if (result instanceof Promise) {
      const [text] = args;
      result.then(undefined, (error: unknown) => {
        if (isDatabaseUnavailable(error) || (typeof text === 'string' && ROLLBACK.test(text))) {
          // Ending a dead client only closes its socket; nobody waits on that.
          void client.end().catch(() => undefined);
        }
      });
    }
    return result;
  };
  // pg's query has many overloads; the guard forwards every call untouched.
  (client as unknown as { query: Query }).query = guarded;
}
