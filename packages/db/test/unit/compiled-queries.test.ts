import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/dialects/statement-cache.js';
import { chunkSizes, compiledInsert } from '../../src/repositories/compiled-insert.js';
import { compiledOnce } from '../../src/repositories/compiled-once.js';
import type { Database } from '../../src/schema.js';

function memoryDb() {
  const raw = new SqliteDatabase(':memory:');
  raw.exec(
    'create table idempotency_keys (scope text, key text, request_hash text, status integer, response text, created_at text, expires_at text)',
  );
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { raw, db };
}

describe('statement cache', () => {
  it('hands out one statement per SQL text and drops the least recently used', () => {
    const raw = new SqliteDatabase(':memory:');
    const cached = withStatementCache(raw, 2);
    const a = cached.prepare('select 1 as a');
    expect(cached.prepare('select 1 as a')).toBe(a);
    const b = cached.prepare('select 2 as b');
    cached.prepare('select 1 as a'); // a is now the most recent
    cached.prepare('select 3 as c'); // so b goes
    expect(cached.prepare('select 1 as a')).toBe(a);
    expect(cached.prepare('select 2 as b')).not.toBe(b);
    cached.close();
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const raw = new SqliteDatabase(':memory:');
    const cached = withStatementCache(raw);
    const sql = 'select value from json_each(?)';
    const rows = cached.prepare(sql).iterate(['[1,2,3]']);
    rows.next();
    expect(cached.prepare(sql).all(['[4,5]'])).toEqual([{ value: 4 }, { value: 5 }]);
    expect([...rows]).toEqual([{ value: 2 }, { value: 3 }]);
    cached.close();
  });
});

describe('compiled queries', () => {
  it('splits rows into power-of-two statements', () => {
    expect(chunkSizes(0)).toEqual([]);
    expect(chunkSizes(1)).toEqual([1]);
    expect(chunkSizes(37)).toEqual([32, 4, 1]);
    expect(chunkSizes(1_000)).toEqual([512, 256, 128, 64, 32, 8]);
    expect(chunkSizes(1_300).reduce((a, b) => a + b, 0)).toBe(1_300);
  });

  it('inserts every row with its own values, and reads them back by argument', async () => {
    const { db } = memoryDb();
    const insert = compiledInsert('idempotency_keys', [
      'scope',
      'key',
      'request_hash',
      'status',
      'response',
      'created_at',
      'expires_at',
    ]);
    const rows = Array.from({ length: 37 }, (_, i) => ({
      scope: i % 2 ? 'odd' : 'even',
      key: `k${i}`,
      request_hash: `h${i}`,
      status: 200 + i,
      response: `{"i":${i}}`,
      created_at: '2026-01-01',
      expires_at: '2026-01-02',
    }));
    await insert(db, rows);
    await insert(
      db,
      rows.slice(0, 3).map((r) => ({ ...r, scope: 'again' })),
    );
    const byScope = compiledOnce((d, scope: string) =>
      d
        .selectFrom('idempotency_keys')
        .select(['key', 'status'])
        .where('scope', '=', scope)
        .where('status', '>', 0)
        .orderBy('status'),
    );
    expect((await byScope(db, 'odd')).map((r) => r.key)).toEqual(
      rows.filter((_, i) => i % 2).map((r) => r.key),
    );
    expect(await byScope(db, 'again')).toEqual([
      { key: 'k0', status: 200 },
      { key: 'k1', status: 201 },
      { key: 'k2', status: 202 },
    ]);
    expect(await byScope(db, 'nobody')).toEqual([]);
    await db.destroy();
  });

  it('upserts: a stored key takes the new values, or is left alone with nothing to update', async () => {
    const { raw, db } = memoryDb();
    raw.exec('create unique index idempotency_keys_uq on idempotency_keys (scope, key)');
    const columns = [
      'scope',
      'key',
      'request_hash',
      'status',
      'response',
      'created_at',
      'expires_at',
    ] as const;
    const replace = compiledInsert('idempotency_keys', columns, {
      onConflict: { keys: ['scope', 'key'], update: ['status', 'response'] },
    });
    const keep = compiledInsert('idempotency_keys', columns, {
      onConflict: { keys: ['scope', 'key'], update: [] },
    });
    const row = (key: string, status: number) => ({
      scope: 's',
      key,
      request_hash: `h-${key}-${status}`,
      status,
      response: `{"status":${status}}`,
      created_at: '2026-01-01',
      expires_at: '2026-01-02',
    });
    await replace(db, [row('a', 200), row('b', 200)]);
    await replace(db, [row('a', 201), row('c', 201)]);
    await keep(db, [row('b', 202), row('d', 202)]);
    expect(
      raw.prepare('select key, request_hash, status from idempotency_keys order by key').all(),
    ).toEqual([
      { key: 'a', request_hash: 'h-a-200', status: 201 },
      { key: 'b', request_hash: 'h-b-200', status: 200 },
      { key: 'c', request_hash: 'h-c-201', status: 201 },
      { key: 'd', request_hash: 'h-d-202', status: 202 },
    ]);
    await db.destroy();
  });
});
