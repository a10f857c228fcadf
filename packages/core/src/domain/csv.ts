/**
 * Writing CSV for people to open in a spreadsheet (RFC 4180), safe against CSV injection.
 *
 * A text cell that starts with `=`, `+`, `-` or `@`, or with a tab or a carriage return, is
 * what a spreadsheet may run as a formula (OWASP "CSV Injection"): such a cell is written with
 * a single quote in front, so it shows as the text it is. Numbers are written as numbers (a
 * negative number stays a number); only text is neutralised.
 */

/** What a cell may hold: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/** The characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as it is safe to show in a spreadsheet: prefixed with `'` when it could be a formula. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, neutralised and quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseCsvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, its cells separated by commas and ended by CRLF (RFC 4180). */
export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
