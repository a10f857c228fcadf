import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  AppError,
  DecisionItem,
  OutcomeItem,
  PredictionItem,
  type FeedbackKind,
} from '@sextant/core';
import type { ZodType } from 'zod';

/** A bulk body (CSV or NDJSON) may be this large; it is read as a stream, never whole. */
export const FEEDBACK_BULK_LIMIT = 100 * 1024 * 1024;

/** Bad rows listed in a 400 at most; the count says how many there were in all. */
const MAX_REPORTED_ROWS = 20;

export const FEEDBACK_ITEM_SCHEMAS: Record<FeedbackKind, ZodType> = {
  predictions: PredictionItem,
  decisions: DecisionItem,
  outcomes: OutcomeItem,
};

/** Snake-case headers, as data tools write them, name the same fields. */
const CSV_ALIASES: Record<string, string> = {
  model_version: 'modelVersion',
  decided_by: 'decidedBy',
};

/** CSV cells are text: empty is absent, numbers and booleans are read from their text. */
function fromCsv(kind: FeedbackKind, row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [header, text] of Object.entries(row)) {
    const column = CSV_ALIASES[header] ?? header;
    if (text === '') continue;
    if (kind === 'predictions' && column === 'score') {
      out.score = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
    } else if (kind === 'decisions' && column === 'acted') {
      const t = text.toLowerCase();
      out.acted = t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : text;
    } else {
      out[column] = text;
    }
  }
  return out;
}

interface RowProblem {
  line: number;
  message: string;
}

const describe = (error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'row'}: ${i.message}`).join('; ');

/** Counts the bytes flowing through and stops past the bulk limit with a 413. */
async function* limited(body: Readable): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > FEEDBACK_BULK_LIMIT) {
      body.destroy();
      throw new AppError(
        'payload_too_large',
        `body: a bulk upload may be at most ${FEEDBACK_BULK_LIMIT / 1024 / 1024} MB.`,
        { field: 'body', limit: FEEDBACK_BULK_LIMIT },
      );
    }
    yield buffer;
  }
}

/** Raw rows with their line numbers: CSV with a header line, or one JSON object per line. */
async function* rawRows(
  kind: FeedbackKind,
  format: 'csv' | 'ndjson',
  body: Readable,
): AsyncGenerator<{ line: number; value: unknown; error?: string }> {
  if (format === 'csv') {
    const parser = parse({
      columns: true,
      info: true,
      skip_empty_lines: true,
      // A short or long row is a bad row reported with its line, not a parse failure.
      relax_column_count: true,
      trim: true,
      bom: true,
    });
    const feeding = (async () => {
      try {
        for await (const chunk of limited(body)) {
          if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
        }
        parser.end();
      } catch (error) {
        parser.destroy(error as Error);
      }
    })();
    try {
      for await (const record of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        yield { line: record.info.lines, value: fromCsv(kind, record.record) };
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError('invalid_request', `body: the CSV could not be read: ${message}`, {
        field: 'body',
      });
    }
    await feeding;
    return;
  }
  const lines = createInterface({ input: Readable.from(limited(body)), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch {
      yield { line, value: null, error: 'not a JSON object' };
    }
  }
}

/**
 * Every row of a bulk body, validated with the same schema as a JSON item. Any bad row
 * makes the whole upload a 400 listing the first lines at fault: nothing is written.
 */
export async function readFeedbackRows<T>(
  kind: FeedbackKind,
  format: 'csv' | 'ndjson',
  body: Readable,
): Promise<T[]> {
  const schema = FEEDBACK_ITEM_SCHEMAS[kind];
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  let bad = 0;
  for await (const raw of rawRows(kind, format, body)) {
    const parsed = raw.error ? null : schema.safeParse(raw.value);
    if (parsed?.success) {
      rows.push(parsed.data as T);
      continue;
    }
    bad += 1;
    if (problems.length < MAX_REPORTED_ROWS) {
      problems.push({ line: raw.line, message: raw.error ?? describe(parsed!.error) });
    }
  }
  if (bad > 0) {
    throw new AppError(
      'invalid_request',
      `body: ${bad} bad row${bad === 1 ? '' : 's'}, nothing was written; ` +
        problems.map((p) => `line ${p.line}: ${p.message}`).join(' | '),
      { field: 'body', badRows: bad, lines: problems },
    );
  }
  if (rows.length === 0) {
    throw new AppError('invalid_request', 'body: the upload holds no rows.', { field: 'body' });
  }
  return rows;
}
