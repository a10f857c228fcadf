import { StringDecoder } from 'node:string_decoder';
import {
  AppError,
  DecisionItem,
  OutcomeItem,
  PredictionItem,
  type FeedbackKind,
} from '@sextant/core';
import type { ZodType } from 'zod';
import { CsvReadError, CsvRecordReader, MAX_RECORD_CHARS } from './csv-records.js';

/** A bulk body (CSV or NDJSON) may be this large; it is read as a stream, never whole. */
export const FEEDBACK_BULK_LIMIT = 100 * 1024 * 1024;

/**
 * Rows handed to the writer at a time. Small on purpose: V8 moves an allocation site's
 * objects straight to the old generation ("pretenuring") once most of them are found alive
 * by a young-generation collection, and a batch is alive from its first row to its write.
 * With 2,000-row batches read from 64 KiB chunks, about one 16 MB upload in four (either
 * database) had the rows of every later batch pretenured: the server's peak RSS rose 96-123
 * MiB instead of 11-21 MiB (16 runs each way, `bulk-upload-memory.test.ts`; with V8's
 * pretenuring turned off, 16 of 16 stayed low, which named the cause). With 500 rows from
 * 16 KiB chunks, 32 of 32 stayed at 9-22 MiB, 16 of them beside a busy core.
 */
export const FEEDBACK_BATCH_ROWS = 500;

/** Bad rows listed in a 400 at most; the count says how many there were in all. */
const MAX_REPORTED_ROWS = 20;

/** The validated item of each kind. */
export interface FeedbackItemOf {
  predictions: PredictionItem;
  decisions: DecisionItem;
  outcomes: OutcomeItem;
}

export const FEEDBACK_ITEM_SCHEMAS: { [K in FeedbackKind]: ZodType<FeedbackItemOf[K]> } = {
  predictions: PredictionItem,
  decisions: DecisionItem,
  outcomes: OutcomeItem,
};

/** Snake-case headers, as data tools write them, name the same fields. */
const CSV_ALIASES: Record<string, string> = {
  model_version: 'modelVersion',
  decided_by: 'decidedBy',
};

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** How a CSV cell of a column becomes a field value: text, or a number or boolean read from it. */
function cellReader(kind: FeedbackKind, column: string): (text: string) => unknown {
  if (kind === 'predictions' && column === 'score') {
    return (text) => (NUMBER.test(text) ? Number(text) : text);
  }
  if (kind === 'decisions' && column === 'acted') {
    return (text) => {
      const t = text.toLowerCase();
      return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : text;
    };
  }
  return (text) => text;
}

interface RowProblem {
  line: number;
  message: string;
}

const describe = (error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'row'}: ${i.message}`).join('; ');

/**
 * Checks rows as they come and gathers the good ones into the batch being filled. After the
 * first bad row nothing more is gathered (the upload will not be written) but every row is
 * still checked, so the answer counts them all.
 */
class RowChecker<T> {
  batch: T[] = [];
  readonly problems: RowProblem[] = [];
  bad = 0;
  rows = 0;

  constructor(private readonly schema: ZodType<T>) {}

  check(value: unknown, line: number): void {
    this.rows += 1;
    const parsed = this.schema.safeParse(value);
    if (parsed.success) {
      if (this.bad === 0) this.batch.push(parsed.data);
      return;
    }
    this.refuse(line, describe(parsed.error));
  }

  refuse(line: number, message: string): void {
    this.bad += 1;
    this.batch = [];
    if (this.problems.length < MAX_REPORTED_ROWS) this.problems.push({ line, message });
  }

  take(): T[] {
    const batch = this.batch;
    this.batch = [];
    return batch;
  }
}

interface BodyReader {
  push(chunk: Buffer): void;
  end(): void;
}

/** CSV with a header line: each later record becomes an object of the header's fields. */
function csvReader<T>(kind: FeedbackKind, checker: RowChecker<T>): BodyReader {
  let columns: string[] | null = null;
  let readers: ((text: string) => unknown)[] = [];
  return new CsvRecordReader({
    record(cells, line) {
      if (!columns) {
        columns = cells.map((header) => CSV_ALIASES[header] ?? header);
        const twice = columns.find((c, i) => columns!.indexOf(c) !== i);
        if (twice !== undefined) {
          throw new AppError('invalid_request', `body: the header names "${twice}" twice.`, {
            field: 'body',
            line,
          });
        }
        readers = columns.map((column) => cellReader(kind, column));
        return;
      }
      if (cells.length > columns.length) {
        checker.rows += 1;
        checker.refuse(
          line,
          `${cells.length} cells where the header names ${columns.length} (a comma inside a cell must be quoted)`,
        );
        return;
      }
      // CSV cells are text: empty is absent, numbers and booleans are read from their text.
      const row: Record<string, unknown> = {};
      for (let i = 0; i < cells.length; i += 1) {
        const text = cells[i]!;
        if (text !== '') row[columns[i]!] = readers[i]!(text);
      }
      checker.check(row, line);
    },
    bad(line, message) {
      checker.rows += 1;
      checker.refuse(line, message.replace(/^line \d+: /, ''));
    },
  });
}

/** One JSON object per line; blank lines are skipped (and counted). */
function ndjsonReader<T>(checker: RowChecker<T>): BodyReader {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const readLine = (text: string) => {
    line += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      checker.rows += 1;
      checker.refuse(line, 'not a JSON object');
      return;
    }
    checker.check(value, line);
  };
  const readLines = (text: string, atEnd: boolean) => {
    let at = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', at)) {
      readLine(text.slice(at, newline));
      at = newline + 1;
    }
    carry = text.slice(at);
    if (atEnd && carry !== '') readLine(carry);
    else if (carry.length > MAX_RECORD_CHARS) {
      throw new CsvReadError(line + 1, `line ${line + 1}: a line runs past 1 MiB`);
    }
  };
  return {
    push: (chunk) => readLines(carry + decoder.write(chunk), false),
    end: () => readLines(carry + decoder.end(), true),
  };
}

/**
 * Every row of a bulk body (CSV with a header line, or one JSON object per line), validated
 * with the same schema as a JSON item and handed out in batches of about `batchRows` as the
 * body is read, so memory holds one batch whatever the size of the upload. Any bad row makes
 * the whole upload a 400 listing the first lines at fault, raised once the body is read: the
 * caller writes the batches in one transaction, which the error rolls back.
 */
export async function* feedbackBatches<K extends FeedbackKind>(
  kind: K,
  format: 'csv' | 'ndjson',
  body: AsyncIterable<Buffer>,
  batchRows = FEEDBACK_BATCH_ROWS,
): AsyncGenerator<FeedbackItemOf[K][]> {
  const checker = new RowChecker(FEEDBACK_ITEM_SCHEMAS[kind]);
  const reader = format === 'csv' ? csvReader(kind, checker) : ndjsonReader(checker);
  try {
    for await (const chunk of body) {
      reader.push(chunk);
      if (checker.batch.length >= batchRows) yield checker.take();
    }
    reader.end();
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    throw new AppError(
      'invalid_request',
      `body: the ${format.toUpperCase()} could not be read: ${error.message}`,
      {
        field: 'body',
        line: error.line,
      },
    );
  }
  if (checker.bad > 0) {
    const { bad, problems } = checker;
    throw new AppError(
      'invalid_request',
      `body: ${bad} bad row${bad === 1 ? '' : 's'}, nothing was written; ` +
        problems.map((p) => `line ${p.line}: ${p.message}`).join(' | '),
      { field: 'body', badRows: bad, lines: problems },
    );
  }
  if (checker.rows === 0) {
    throw new AppError('invalid_request', 'body: the upload holds no rows.', { field: 'body' });
  }
  if (checker.batch.length > 0) yield checker.take();
}
