import type { CompiledQuery, DialectAdapter } from 'kysely';
import type { Database } from '../schema.js';
import type { Executor } from './executor.js';

/** Rows per statement at most: 512 rows × 20 columns stays inside both databases' limits. */
const MAX_ROWS = 512;

/**
 * Rows split into statements of power-of-two sizes (512, …, 4, 2, 1), so a table has at
 * most ten distinct insert texts, each compiled and prepared once.
 */
export function chunkSizes(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  for (let size = MAX_ROWS; left > 0; size >>= 1) {
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * A multi-row insert into `table` whose SQL Kysely compiles once per dialect and row count,
 * then runs with each call's values. Building a 50-row insert through Kysely cost more than
 * SQLite's own work on it, and each group of single-run posts had a new row count, so a
 * new text to prepare (bench/ingest). Hand-written because Kysely has no prepared-query API.
 * Every row must hold every column (null where empty): values are bound by column order.
 */
export function compiledInsert<T extends keyof Database & string>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  options: {
    /**
     * Make it an upsert: a row whose `keys` are stored already sets `update` to its new values
     * (the last one wins), or is skipped when `update` is empty.
     */
    onConflict?: { keys: readonly string[]; update: readonly string[] };
  } = {},
): (db: Executor, rows: readonly Database[T][]) => Promise<void> {
  const templates = new WeakMap<DialectAdapter, Map<number, CompiledQuery>>();
  const template = (db: Executor, size: number): CompiledQuery => {
    const { adapter } = db.getExecutor();
    let bySize = templates.get(adapter);
    if (!bySize) {
      bySize = new Map();
      templates.set(adapter, bySize);
    }
    let compiled = bySize.get(size);
    if (!compiled) {
      const blank = Object.fromEntries(columns.map((c) => [c, null]));
      // Kysely's insert types are per table; the blank rows are checked by column list.
      const insert = db
        .insertInto(table)
        .values(Array.from({ length: size }, () => blank) as never);
      const conflict = options.onConflict;
      // Kysely's conflict types are per table; the column lists are the caller's, checked there.
      compiled = (
        conflict
          ? insert.onConflict((oc) => {
              const on = oc.columns(conflict.keys as never);
              return conflict.update.length === 0
                ? on.doNothing()
                : on.doUpdateSet(
                    (eb) =>
                      Object.fromEntries(
                        conflict.update.map((c) => [c, eb.ref(`excluded.${c}` as never)]),
                      ) as never,
                  );
            })
          : insert
      ).compile();
      if (compiled.parameters.length !== size * columns.length) {
        throw new Error(
          `insert into ${table}: ${size} rows compiled to ${compiled.parameters.length} values`,
        );
      }
      bySize.set(size, compiled);
    }
    return compiled;
  };
  return async (db, rows) => {
    let at = 0;
    for (const size of chunkSizes(rows.length)) {
      const parameters: unknown[] = [];
      for (let r = at; r < at + size; r += 1) {
        const row = rows[r] as Database[T];
        for (const column of columns) parameters.push(row[column]);
      }
      await db.executeQuery({ ...template(db, size), parameters });
      at += size;
    }
  };
}
