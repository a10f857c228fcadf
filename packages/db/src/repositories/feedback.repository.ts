import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { copyValue } from '../dialects/pg-copy.js';
import { toBool, type Executor } from './executor.js';
import type { Database } from '../schema.js';
import { compiledInsert } from './compiled-insert.js';

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

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

type FeedbackTable = 'predictions' | 'operator_decisions' | 'outcomes';

const KEYS = {
  predictions: ['project_id', 'period', 'entity', 'model_version'],
  operator_decisions: ['project_id', 'period', 'entity', 'model_version'],
  outcomes: ['project_id', 'time', 'entity', 'event'],
} as const satisfies Record<FeedbackTable, readonly string[]>;

const COLUMNS = {
  predictions: ['project_id', 'entity', 'period', 'model_version', 'score', 'class', 'created_at'],
  operator_decisions: [
    'project_id',
    'entity',
    'period',
    'model_version',
    'acted',
    'reason',
    'decided_by',
    'created_at',
  ],
  outcomes: ['project_id', 'entity', 'time', 'event', 'created_at'],
} as const satisfies { [T in FeedbackTable]: readonly (keyof Database[T] & string)[] };

/** What a re-sent row replaces: every column but the key and the first arrival. */
const replacedColumns = (table: FeedbackTable): string[] =>
  (COLUMNS[table] as readonly string[]).filter(
    (c) => !(KEYS[table] as readonly string[]).includes(c) && c !== 'created_at',
  );

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

/** From this many rows on, PostgreSQL loads a batch with COPY (fewer, it is not worth a staging table). */
const COPY_MIN_ROWS = 1_000;

/** Rows as COPY text-format lines, about 1 MB per chunk. */
function* copyLines(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += columns.map((c) => copyValue(row[c])).join('\t') + '\n';
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
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
   * Rows distinct on their key (the caller keeps the last of duplicates); the counts come
   * from the project's row count before and after, so call it inside a transaction.
   */
  private async upsert<T extends FeedbackTable>(
    table: T,
    projectId: string,
    rows: readonly Database[T][],
  ): Promise<UpsertCounts> {
    if (
      rows.length >= COPY_MIN_ROWS &&
      this.db.isTransaction &&
      this.db.getExecutor().adapter instanceof PostgresAdapter
    ) {
      return this.copyUpsert(table, rows);
    }
    const before = await this.count(table, projectId);
    await UPSERTS[table](this.db, rows);
    const inserted = (await this.count(table, projectId)) - before;
    return { inserted, updated: rows.length - inserted };
  }

  /**
   * PostgreSQL, large batches: COPY into a staging table dropped at commit, then one
   * `insert … select … on conflict do update` that also counts the rows it inserted.
   */
  private async copyUpsert<T extends FeedbackTable>(
    table: T,
    rows: readonly Database[T][],
  ): Promise<UpsertCounts> {
    const columns: readonly string[] = COLUMNS[table];
    const keys: readonly string[] = KEYS[table];
    const updated = replacedColumns(table);
    const stage = `${table}_stage`;
    const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');
    await sql`create temp table if not exists ${sql.id(stage)} (like ${sql.table(table)}) on commit drop`.execute(
      this.db,
    );
    await sql`truncate ${sql.id(stage)}`.execute(this.db);
    await this.db.executeQuery(
      CompiledQuery.raw(`copy "${stage}" (${quoted(columns)}) from stdin`, [
        copyLines(columns, rows as readonly unknown[] as readonly Record<string, unknown>[]),
      ]),
    );
    const conflict =
      updated.length === 0
        ? 'do nothing'
        : `do update set ${updated.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
    const result = await this.db.executeQuery<{ inserted: number | string }>(
      CompiledQuery.raw(
        `with upserted as (insert into "${table}" (${quoted(columns)}) ` +
          `select ${quoted(columns)} from "${stage}" on conflict (${quoted(keys)}) ${conflict} ` +
          `returning (xmax = 0) as inserted) ` +
          `select count(*) filter (where inserted) as inserted from upserted`,
      ),
    );
    const inserted = Number(result.rows[0]?.inserted ?? 0);
    return { inserted, updated: rows.length - inserted };
  }

  upsertPredictions(projectId: string, rows: readonly PredictionRow[], now: string) {
    return this.upsert(
      'predictions',
      projectId,
      rows.map((r) => ({
        project_id: projectId,
        entity: r.entity,
        period: r.period,
        model_version: r.modelVersion,
        score: r.score,
        class: r.class,
        created_at: now,
      })),
    );
  }

  upsertDecisions(projectId: string, rows: readonly OperatorDecisionRow[], now: string) {
    return this.upsert(
      'operator_decisions',
      projectId,
      rows.map((r) => ({
        project_id: projectId,
        entity: r.entity,
        period: r.period,
        model_version: r.modelVersion,
        acted: r.acted ? 1 : 0,
        reason: r.reason,
        decided_by: r.decidedBy,
        created_at: now,
      })),
    );
  }

  upsertOutcomes(projectId: string, rows: readonly OutcomeRow[], now: string) {
    return this.upsert(
      'outcomes',
      projectId,
      rows.map((r) => ({
        project_id: projectId,
        entity: r.entity,
        time: r.time,
        event: r.event,
        created_at: now,
      })),
    );
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
