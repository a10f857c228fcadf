import type { CompiledQuery, Compilable, DialectAdapter } from 'kysely';
import type { Executor } from './executor.js';

/** Where an argument goes in the compiled query's parameters, or a constant of the query. */
type Slot = { arg: number } | { value: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const placeholder = (i: number) => `\u0000compiled-once-argument-${i}\u0000`;

/**
 * A query Kysely builds and compiles once per dialect, then runs with each call's arguments.
 * Building and compiling a select through Kysely costs about 8 µs, as much as running it on
 * a cached statement many times over; on the per-request path (the bearer token, the
 * project's team) that was a twentieth of the server's time for single-run posts
 * (bench/ingest). Hand-written because Kysely has no prepared-query API.
 *
 * `build` receives placeholder strings as its arguments and must use each one only as a
 * bound value (a `where` operand, an inserted value), never to shape the query: the SQL is
 * compiled from the first call's shape and the placeholders are swapped for the arguments.
 */
export function compiledOnce<Args extends string[], Row>(
  build: (db: Executor, ...args: Args) => Compilable<Row>,
): (db: Executor, ...args: Args) => Promise<Row[]> {
  // Per dialect adapter: a Kysely instance and its transactions share one.
  const templates = new WeakMap<DialectAdapter, Template>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    let template = templates.get(executor.adapter);
    if (!template) {
      const marks = args.map((_, i) => placeholder(i)) as Args;
      const compiled = build(db, ...marks).compile();
      const slots = compiled.parameters.map((value): Slot => {
        const arg = typeof value === 'string' ? marks.indexOf(value) : -1;
        return arg >= 0 ? { arg } : { value };
      });
      template = { compiled, slots };
      templates.set(executor.adapter, template);
    }
    const parameters = template.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    const result = await db.executeQuery<Row>({ ...template.compiled, parameters });
    return result.rows;
  };
}
