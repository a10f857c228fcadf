import { createReadStream, statSync } from 'node:fs';
import { CliError, LineError } from './cli-error.js';

/**
 * Streams a CSV file line by line with a hand-written splitter over the Buffer chunks rather
 * than csv-parse (about 3x faster on millions of rows: 3.65 M rows in 2.4 s against
 * csv-parse's 7.0 s on a loaded 2-core machine). `sextant evaluate` reads its events and
 * checks files with it; the predictions go through the faster byte scanner (csv-bytes.ts).
 * Quoted fields ("a,b", "say ""hi""") are understood; a quoted field may not span lines.
 *
 * `onRow` gets the fields (an array reused from row to row) and the 1-based line number (the
 * header is line 1); blank lines are skipped. `onProgress` gets the bytes read so far and
 * the file's size.
 */
export async function forEachCsvRow(
  file: string,
  onRow: (fields: string[], line: number) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<void> {
  let total: number;
  try {
    total = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let carry = '';
  let line = 0;
  let bytesRead = 0;
  const fields: string[] = [];
  const emit = (text: string): void => {
    line += 1;
    const row = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (row.length === 0) return;
    if (row.includes('"')) {
      onRow(splitQuoted(row, file, line), line);
      return;
    }
    // One array reused for every row (the caller copies what it keeps): less garbage.
    let start = 0;
    let count = 0;
    for (let comma = row.indexOf(','); comma >= 0; comma = row.indexOf(',', start)) {
      fields[count++] = row.slice(start, comma);
      start = comma + 1;
    }
    fields[count++] = row.slice(start);
    fields.length = count;
    onRow(fields, line);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      // Cut at the last newline byte so a multi-byte character never straddles two decodes.
      const cut = chunk.lastIndexOf(10);
      if (cut < 0) {
        carry += chunk.toString('utf8');
      } else {
        const lines = (carry + chunk.toString('utf8', 0, cut)).split('\n');
        carry = chunk.toString('utf8', cut + 1);
        for (const text of lines) emit(text);
      }
      onProgress?.(bytesRead, total);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`cannot read ${file} (${code})`);
    throw error;
  }
  if (carry.length > 0) emit(carry);
}

/** Splits one line with quoted fields. */
export function splitQuoted(row: string, file: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (row[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const quote = row.indexOf('"', i);
        if (quote < 0) throw new LineError(file, line, 'unterminated quoted field');
        value += row.slice(i, quote);
        if (row[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i >= row.length) return fields;
      if (row[i] !== ',') throw new LineError(file, line, 'text after a closing quote');
      i += 1;
    } else {
      const comma = row.indexOf(',', i);
      if (comma < 0) {
        fields.push(row.slice(i));
        return fields;
      }
      fields.push(row.slice(i, comma));
      i = comma + 1;
    }
  }
}
