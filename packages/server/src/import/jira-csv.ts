/**
 * Reads a Jira CSV export into rows that know the line they start on, for the import planner
 * in core (planJiraImport). Only the CSV syntax is handled here; what the cells mean is core's.
 */
import { parse, type CsvError, type InfoRecord } from 'csv-parse';

/** The shape planJiraImport (core) reads; `problems` is always present here. */
export interface JiraCsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  problems: { line: number; message: string }[];
}

interface Row {
  line: number;
  cells: string[];
}

/**
 * Where each line of the file starts, as UTF-8 byte offsets (csv-parse counts bytes), built
 * chunk by chunk as the file arrives. A line ends at CRLF, LF or a lone CR, so every editor
 * and Excel agree on the numbers.
 */
class LineIndex {
  private readonly starts: number[] = [0];
  private bytes = 0;
  /** The previous chunk ended with a CR: a line break unless this chunk starts with LF. */
  private pendingCr = false;
  lastLine = 1;

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pendingCr && chunk[0] !== 0x0a) this.starts.push(this.bytes);
    this.pendingCr = false;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x0a) this.starts.push(this.bytes + i + 1);
      else if (byte === 0x0d) {
        if (i + 1 === chunk.length) this.pendingCr = true;
        else if (chunk[i + 1] !== 0x0a) this.starts.push(this.bytes + i + 1);
      }
    }
    this.bytes += chunk.length;
  }

  /** The file is complete: a CR at its very end ends a line too. */
  finish(): void {
    if (this.pendingCr) this.starts.push(this.bytes);
    this.pendingCr = false;
    this.lastLine = this.bytes === 0 ? 1 : this.lineAt(this.bytes - 1);
  }

  /** The 1-based line holding the byte at `offset` (a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * csv-parse gives the byte offset just past a record (its delimiter included) and counts
 * lines its own way (CRLF inside quotes twice), so the start line is computed here: the line
 * of the record's last byte, minus the line breaks inside its quoted cells.
 */
function startLineOf(cells: string[], endOffset: number, lines: LineIndex): number {
  const endLine = lines.lineAt(Math.max(0, endOffset - 1));
  return endLine - cells.reduce((sum, cell) => sum + countLineBreaks(cell), 0);
}

/** A blank line parses as one empty cell; it carries nothing, so it is not a row. */
function isBlankLine(cells: string[]): boolean {
  return cells.length === 1 && cells[0] === '';
}

/**
 * One line per syntax error. csv-parse reports the offset of the last cell boundary it saw,
 * which is on the line where the broken cell begins (blank lines are records here, so the
 * offset is never left behind them).
 */
function describeCsvError(
  error: CsvError,
  lines: LineIndex,
  parsedUpTo: number,
): { line: number; message: string } {
  // The type leaves error fields open; fall back to the end of the last good record.
  const line = lines.lineAt(typeof error.bytes === 'number' ? error.bytes : parsedUpTo);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line,
        message:
          `Line ${line}: a quoted cell opens here and is never closed, so lines ${line}–` +
          `${lines.lastLine} (the end of the file) were not read. Rows before it were read.`,
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return {
        line,
        message:
          `Line ${line}: text follows the closing quote of a quoted cell (a quote inside a ` +
          'quoted cell must be written twice: ""); this row was not read.',
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        line,
        message:
          `Line ${line}: a quote (") appears inside a cell that does not start with one; ` +
          'this row was not read.',
      };
    default:
      return { line, message: `Line ${line}: ${error.message}; this row was not read.` };
  }
}

/**
 * Parses a Jira CSV export as it arrives, chunk by chunk (the file is never one string):
 * the first record is the header, every later record a row with the line it starts on
 * (1-based; a quoted multi-line cell pushes later rows down). Short and long rows are kept as
 * they are. A record with a syntax error is dropped with a problem and parsing goes on after
 * it; an unclosed quote swallows the rest of the file, so that becomes one problem for those
 * lines while the rows before it are kept. Blank lines are skipped.
 */
export async function parseJiraCsv(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): Promise<JiraCsvTable> {
  const lines = new LineIndex();
  const records: Row[] = [];
  // Problems are worded once the file is read: some name its last line.
  const skipped: { error: CsvError; parsedUpTo: number }[] = [];
  let failure: unknown = null;
  let parsedUpTo = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    // Excel and hand edits can mix line endings; any of them ends a record.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error !== undefined) skipped.push({ error, parsedUpTo });
      return undefined;
    },
    // The record's info (what `info: true` would attach) comes as the context here. Rows
    // are collected as they come, so an unexpected failure keeps what came before it.
    on_record: (cells: string[], info: InfoRecord) => {
      parsedUpTo = info.bytes;
      if (!isBlankLine(cells)) records.push({ line: startLineOf(cells, info.bytes, lines), cells });
      return null;
    },
  });
  const done = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
    parser.on('end', resolve);
  });
  // on_record keeps nothing in the stream; reading it lets it end.
  parser.resume();
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      lines.add(bytes);
      if (failure) continue;
      if (!parser.write(bytes)) await new Promise((resolve) => parser.once('drain', resolve));
    }
  } finally {
    lines.finish();
    parser.end();
    await done;
  }
  const problems = skipped.map(({ error, parsedUpTo: at }) => describeCsvError(error, lines, at));
  if (failure) problems.push(describeFailure(failure, lines.lineAt(parsedUpTo), lines.lastLine));
  const [header, ...rows] = records;
  return { header: header?.cells ?? [], rows, problems: problems.sort((a, b) => a.line - b.line) };
}

function describeFailure(error: unknown, line: number, lastLine: number) {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    line,
    message: `Line ${line}: the file could not be read from here (${reason}), so lines ${line}–${lastLine} were not read.`,
  };
}
