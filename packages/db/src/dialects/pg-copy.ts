// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pg-copy-streams ships no types; this pulls its small declaration into every program (tests too) that compiles this file.
/// <reference path="./pg-copy-streams.d.ts" />
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * `COPY … FROM STDIN` through Kysely: Kysely hands a query's text and parameters to the
 * connection's `client.query`, so each pooled client is taught one more form — a COPY text
 * with the data (text chunks in COPY's text format) as its only parameter runs as a COPY
 * stream on that same connection, inside whatever transaction is open on it.
 */
const COPY_FROM_STDIN = /^copy\s[\s\S]*\sfrom\s+stdin\s*$/i;

type Query = (...args: unknown[]) => unknown;

async function copyIn(query: Query, text: string, data: Iterable<string> | AsyncIterable<string>) {
  const stream = query(copyFrom(text)) as ReturnType<typeof copyFrom>;
  await pipeline(Readable.from(data), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

export function enableCopyFrom(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const patched: Query = (...args) => {
    const [text, values] = args;
    if (typeof text === 'string' && COPY_FROM_STDIN.test(text) && Array.isArray(values)) {
      return copyIn(query, text, values[0] as Iterable<string>);
    }
    return query(...args);
  };
  // pg's query has many overloads; the patch forwards every other call untouched.
  (client as unknown as { query: Query }).query = patched;
}

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}
