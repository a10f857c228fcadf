import { PostgresAdapter } from 'kysely';
import { toBool, type Executor } from './executor.js';
import type { Database } from '../schema.js';
import { compiledInsert } from './compiled-insert.js';
import { CopyUpsert } from './feedback-copy.js';
import { COLUMNS, KEYS, replacedColumns, type FeedbackTable } from './feedback-tables.js';

/** A prediction for one entity and day, by one model version. */
export interface PredictionRow {
  entity: string;
  period: string;
  modelVersion: string;
  score: number | null;
  class: string | null;
}

/** What an operator did about an entity on a day ('' model version when none was named). */
export interface OperatorDecisionRow {
  entity: string;
  period: string;
  modelVersion: string;
  acted: boolean;
  reason: string | null;
  decidedBy: string | null;
}

/** An event that happened to an entity. */
export interface OutcomeRow {
  entity: string;
  time: string;
  event: string;
}

/**
 * A bulk upsert inside the caller's transaction, written batch by batch as an upload is read:
 * a row whose key is stored already (or was written earlier in the same upload) replaces it,
 * the last one wins.
 */
export interface FeedbackUpsert<R> {
  write(rows: readonly R[]): Promise<void>;
  /** How many of the keys written were new to the project. */
  finish(): Promise<number>;
  /** The upload failed: let go of what is under way (the transaction will roll back). */
  discard(): Promise<void>;
}

/**
 * A compiled multi-row upsert (`compiledInsert` with its conflict clause): a re-sent row
 * replaces the stored one, the last one wins; the same statement runs on SQLite and
 * PostgreSQL. `created_at` keeps the first arrival.
 */
function compiledUpsert<T extends FeedbackTable>(
  table: T,
): (db: Executor, rows: readonly Database[T][]) => Promise<void> {
  const columns = COLUMNS[table] as readonly (keyof Database[T] & string)[];
  return compiledInsert(table, columns, {
    onConflict: { keys: KEYS[table], update: replacedColumns(table) },
  });
}

const UPSERTS: {
  [T in FeedbackTable]: (db: Executor, rows: readonly Database[T][]) => Promise<void>;
} = {
  predictions: compiledUpsert('predictions'),
  operator_decisions: compiledUpsert('operator_decisions'),
  outcomes: compiledUpsert('outcomes'),
};

/** From this many rows on, PostgreSQL loads an upload with COPY (fewer, it is not worth a staging table). */
const COPY_MIN_ROWS = 1_000;

/** The last row of each key, in the order the keys first came. */
function lastOfEach<R extends object>(rows: R[], keys: readonly (keyof R)[]): R[] {
  const byKey = new Map<string, R>();
  for (const row of rows) byKey.set(keys.map((k) => String(row[k])).join('\u0000'), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

/** Production feedback: predictions, operator decisions and outcomes of a project. */
export class FeedbackRepository {
  constructor(private readonly db: Executor) {}

  private async count(table: FeedbackTable, projectId: string): Promise<number> {
    const row = await this.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Writes batches of rows into `table`. SQLite: each batch is a few multi-row upserts (a key
   * met twice is applied in order, the last one wins), and what is new is the project's row
   * count after the last batch less before the first. PostgreSQL: an upload of 1,000 rows
   * or more streams through COPY (`CopyUpsert`, straight into the table when `assumeNew`,
   * which throws `CopyKeyConflict` if a key was not new); a smaller one is one upsert of
   * the last row of each key, counted like SQLite's.
   */
  private upsertInto<T extends FeedbackTable, R>(
    table: T,
    projectId: string,
    assumeNew: boolean,
    toRow: (row: R) => Database[T],
  ): FeedbackUpsert<R> {
    const postgres = this.db.getExecutor().adapter instanceof PostgresAdapter;
    const keys = KEYS[table] as readonly (keyof Database[T])[];
    let before: number | undefined;
    let copy: CopyUpsert<T> | null = null;
    // PostgreSQL: rows held (fewer than COPY_MIN_ROWS) until the upload is known to be small.
    let held: Database[T][] = [];
    return {
      write: async (rows) => {
        if (!postgres) {
          before ??= await this.count(table, projectId);
          await UPSERTS[table](this.db, rows.map(toRow));
          return;
        }
        if (!copy && held.length + rows.length < COPY_MIN_ROWS) {
          for (const row of rows) held.push(toRow(row));
          return;
        }
        copy ??= new CopyUpsert(this.db, table, assumeNew);
        if (held.length > 0) await copy.write(held);
        held = [];
        await copy.write(rows.map(toRow));
      },
      finish: async () => {
        if (copy) return copy.finish();
        if (held.length > 0) {
          before = await this.count(table, projectId);
          // PostgreSQL refuses to update a row twice in one statement: the last of each key.
          await UPSERTS[table](this.db, lastOfEach(held, keys));
        }
        return before === undefined ? 0 : (await this.count(table, projectId)) - before;
      },
      discard: async () => {
        await copy?.discard();
      },
    };
  }

  upsertPredictions(
    projectId: string,
    now: string,
    assumeNew = false,
  ): FeedbackUpsert<PredictionRow> {
    return this.upsertInto('predictions', projectId, assumeNew, (r) => ({
      project_id: projectId,
      entity: r.entity,
      period: r.period,
      model_version: r.modelVersion,
      score: r.score,
      class: r.class,
      created_at: now,
    }));
  }

  upsertDecisions(
    projectId: string,
    now: string,
    assumeNew = false,
  ): FeedbackUpsert<OperatorDecisionRow> {
    return this.upsertInto('operator_decisions', projectId, assumeNew, (r) => ({
      project_id: projectId,
      entity: r.entity,
      period: r.period,
      model_version: r.modelVersion,
      acted: r.acted ? 1 : 0,
      reason: r.reason,
      decided_by: r.decidedBy,
      created_at: now,
    }));
  }

  upsertOutcomes(projectId: string, now: string, assumeNew = false): FeedbackUpsert<OutcomeRow> {
    return this.upsertInto('outcomes', projectId, assumeNew, (r) => ({
      project_id: projectId,
      entity: r.entity,
      time: r.time,
      event: r.event,
      created_at: now,
    }));
  }

  /** Predictions for days in [from, to] (YYYY-MM-DD, inclusive). */
  async predictionsBetween(projectId: string, from: string, to: string): Promise<PredictionRow[]> {
    const rows = await this.db
      .selectFrom('predictions')
      .select(['entity', 'period', 'model_version', 'score', 'class'])
      .where('project_id', '=', projectId)
      .where('period', '>=', from)
      .where('period', '<=', to)
      .orderBy('period')
      .orderBy('entity')
      .execute();
    return rows.map((r) => ({
      entity: r.entity,
      period: r.period,
      modelVersion: r.model_version,
      score: r.score === null ? null : Number(r.score),
      class: r.class,
    }));
  }

  /** Decisions for days in [from, to] (inclusive). */
  async decisionsBetween(
    projectId: string,
    from: string,
    to: string,
  ): Promise<OperatorDecisionRow[]> {
    const rows = await this.db
      .selectFrom('operator_decisions')
      .select(['entity', 'period', 'model_version', 'acted', 'reason', 'decided_by'])
      .where('project_id', '=', projectId)
      .where('period', '>=', from)
      .where('period', '<=', to)
      .orderBy('period')
      .orderBy('entity')
      .execute();
    return rows.map((r) => ({
      entity: r.entity,
      period: r.period,
      modelVersion: r.model_version,
      acted: toBool(r.acted),
      reason: r.reason,
      decidedBy: r.decided_by,
    }));
  }

  /** Outcomes at instants in [from, to) (ISO-8601 UTC). */
  async outcomesBetween(projectId: string, from: string, to: string): Promise<OutcomeRow[]> {
    return this.db
      .selectFrom('outcomes')
      .select(['entity', 'time', 'event'])
      .where('project_id', '=', projectId)
      .where('time', '>=', from)
      .where('time', '<', to)
      .orderBy('time')
      .orderBy('entity')
      .execute();
  }

  /** The latest `count` days that hold predictions, newest first. */
  async latestPredictionDays(projectId: string, count: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('predictions')
      .select('period')
      .distinct()
      .where('project_id', '=', projectId)
      .orderBy('period', 'desc')
      .limit(count)
      .execute();
    return rows.map((r) => r.period);
  }
}
