import { describe, expect, it } from 'vitest';
import { parseJiraCsv } from '../../src/import/jira-csv.js';

type Table = Awaited<ReturnType<typeof parseJiraCsv>>;
const lines = (table: Table) => table.rows.map((row) => row.line);
/** The file as one chunk, as the tests below were written. */
const parseText = (text: string) => parseJiraCsv([text]);

describe('parseJiraCsv', () => {
  it('reads the header and each row with the line it starts on', async () => {
    const table = await parseText('Summary,Issue key\nFirst,PDM-1\nSecond,PDM-2\n');
    expect(table).toEqual({
      header: ['Summary', 'Issue key'],
      rows: [
        { line: 2, cells: ['First', 'PDM-1'] },
        { line: 3, cells: ['Second', 'PDM-2'] },
      ],
      problems: [],
    });
  });

  it('counts the lines of a quoted multi-line Description, so later rows start further down', async () => {
    const text = [
      'Issue key,Summary,Description',
      'PDM-1,Load data,"Line one',
      'line two',
      '',
      'line four, with a comma and ""quotes"""',
      'PDM-2,Train model,plain',
      'PDM-3,"Two-line',
      'summary",x',
      'PDM-4,Last,y',
    ].join('\n');
    const table = await parseText(text);
    expect(lines(table)).toEqual([2, 6, 7, 9]);
    expect(table.rows[0]?.cells[2]).toBe(
      'Line one\nline two\n\nline four, with a comma and "quotes"',
    );
    expect(table.problems).toEqual([]);
  });

  it('numbers lines the same with CRLF, CRLF inside quotes and mixed line endings', async () => {
    const crlf = 'Issue key,Summary\r\nPDM-1,"a\r\nb\r\nc"\r\nPDM-2,d\r\n';
    expect(lines(await parseText(crlf))).toEqual([2, 5]);
    const mixed = 'Issue key,Summary\nPDM-1,"a\r\nb"\r\nPDM-2,c\rPDM-3,d\n';
    const table = await parseText(mixed);
    expect(lines(table)).toEqual([2, 4, 5]);
    expect(table.rows.map((row) => row.cells[0])).toEqual(['PDM-1', 'PDM-2', 'PDM-3']);
  });

  it('drops a byte-order mark from the first header name', async () => {
    const table = await parseText('\uFEFFIssue key,Summary\r\nPDM-1,Load data\r\n');
    expect(table.header).toEqual(['Issue key', 'Summary']);
    expect(table.rows).toEqual([{ line: 2, cells: ['PDM-1', 'Load data'] }]);
  });

  it('skips blank lines without shifting the numbers of the rows after them', async () => {
    const table = await parseText('Issue key,Summary\n\nPDM-1,a\n\n\nPDM-2,b\n\n');
    expect(lines(table)).toEqual([3, 6]);
  });

  it('keeps short and long rows as they are (Jira leaves trailing empty cells out)', async () => {
    const table = await parseText('Issue key,Summary,Sprint\nPDM-1,a\nPDM-2,b,S1,extra\n');
    expect(table.rows.map((row) => row.cells.length)).toEqual([2, 4]);
    expect(table.problems).toEqual([]);
  });

  it('keeps unicode names as written', async () => {
    const table = await parseText('Issue key,Assignee\nPDM-1,José Müller\nPDM-2,王芳\n');
    expect(table.rows.map((row) => row.cells[1])).toEqual(['José Müller', '王芳']);
  });

  it('on a quote never closed, keeps the rows before it and reports the rest as one problem', async () => {
    const text = 'Issue key,Summary\nPDM-1,ok\nPDM-2,"broken\nPDM-3,swallowed\nPDM-4,too\n';
    const table = await parseText(text);
    expect(table.rows).toEqual([{ line: 2, cells: ['PDM-1', 'ok'] }]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]?.line).toBe(3);
    expect(table.problems[0]?.message).toMatch(/never closed.*lines 3–5/);
  });

  it('drops a row with a stray quote, says which line, and reads on', async () => {
    const text = 'Issue key,Summary\nPDM-1,"two\nlines"\nPDM-2,5" screen\nPDM-3,fine\n';
    const table = await parseText(text);
    expect(table.rows).toEqual([
      { line: 2, cells: ['PDM-1', 'two\nlines'] },
      { line: 5, cells: ['PDM-3', 'fine'] },
    ]);
    expect(table.problems).toEqual([
      { line: 4, message: expect.stringMatching(/^Line 4: a quote .* not read\.$/) },
    ]);
  });

  it('reports text after a closing quote on its line', async () => {
    const table = await parseText('Issue key,Summary\nPDM-1,ok\nPDM-2,"a"b\n');
    expect(table.rows.map((row) => row.line)).toEqual([2]);
    expect(table.problems[0]?.line).toBe(3);
    expect(table.problems[0]?.message).toMatch(/closing quote/);
  });

  it('returns an empty header for an empty file', async () => {
    expect(await parseText('')).toEqual({ header: [], rows: [], problems: [] });
  });

  it('reads a file split into chunks anywhere (inside a character, between CR and LF) as one whole', async () => {
    const text = [
      '\uFEFFIssue key,Summary,Description',
      'PDM-1,"Load data","Line one\r\nline two"',
      'PDM-2,José Müller,王芳\r',
      'PDM-3,5" screen,x\rPDM-4,"a"b,y',
      '',
      'PDM-5,"never closed',
      'PDM-6,z',
    ].join('\n');
    const whole = await parseText(text);
    expect(whole.rows.map((row) => row.cells[0])).toEqual(['PDM-1', 'PDM-2']);
    expect(whole.problems.length).toBeGreaterThanOrEqual(2);
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(await parseJiraCsv(chunks)).toEqual(whole);
    }
  });
});
