/** The part of pg-copy-streams (no bundled types) that the COPY path uses. */
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  export function from(text: string): Writable & { rowCount: number };
}
