import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@sextant/core';
import { CsvReadError, CsvRecordReader } from '../../src/import/csv-records.js';
import { feedbackBatches } from '../../src/import/feedback-rows.js';

/** Every record of `text` read in chunks of `size` bytes: [line, cells] and the bad lines. */
function read(text: string, size = Infinity) {
  const records: [number, string[]][] = [];
  const bad: [number, string][] = [];
  const reader = new CsvRecordReader({
    record: (cells, line) => records.push([line, [...cells]]),
    bad: (line, message) => bad.push([line, message]),
  });
  const bytes = Buffer.from(text, 'utf8');
  const step = Math.min(size, bytes.length || 1);
  for (let at = 0; at < bytes.length; at += step) reader.push(bytes.subarray(at, at + step));
  reader.end();
  return { records, bad };
}

/** `text` as a request body arriving in chunks of `size` bytes. */
const chunked = (text: string, size: number): AsyncIterable<Buffer> => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
};

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describe('CsvRecordReader', () => {
  it('numbers records by line, trims cells, drops a BOM, skips blank lines and reads CRLF', () => {
    const { records, bad } = read('\uFEFFentity, period\r\n\r\n A ,2026-11-02\r\nB,2026-11-03');
    expect(records).toEqual([
      [1, ['entity', 'period']],
      [3, ['A', '2026-11-02']],
      [4, ['B', '2026-11-03']],
    ]);
    expect(bad).toEqual([]);
  });

  it('reads quoted cells: commas, doubled quotes and line breaks, later lines numbered on', () => {
    const text = 'entity,reason\nA,"late, again"\nB,"said ""no"""\nC,"two\r\nlines"\nD,x\n';
    expect(read(text).records).toEqual([
      [1, ['entity', 'reason']],
      [2, ['A', 'late, again']],
      [3, ['B', 'said "no"']],
      [4, ['C', 'two\r\nlines']],
      [6, ['D', 'x']],
    ]);
  });

  it('gives the same records whatever the chunks (inside a character, a quoted cell, a CRLF)', () => {
    const text =
      'entity,reason\r\nJosé,"a, ""b""\r\nc"\r\n王芳,plain\r\n\r\nZoë,"x"\r\nlast,5" screen\r\n';
    const whole = read(text);
    expect(whole.records).toHaveLength(4);
    expect(whole.bad).toEqual([[7, expect.stringMatching(/a quote/)]]);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(read(text, size)).toEqual(whole);
  });

  it('reads back any table written as RFC 4180, in any chunks, each row with its line', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', '王', ',', '"', ' ', '\n', '\r\n', 'x'),
    });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 });
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 40 }), (rows, size) => {
        const kept = rows.filter((cells) => !(cells.length === 1 && cells[0]!.trim() === ''));
        const quote = (c: string) =>
          /[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c;
        let text = '';
        const expected: [number, string[]][] = [];
        let line = 1;
        for (const cells of kept) {
          const record = cells.map(quote).join(',');
          expected.push([line, cells]);
          text += record + '\r\n';
          line += 1 + (record.match(/\n/g)?.length ?? 0);
        }
        expect(read(text, size)).toEqual({ records: expected, bad: [] });
      }),
    );
  });

  it('reports a stray quote or text after a closing quote on its line and reads on', () => {
    const { records, bad } = read('a,b\n1,5" screen\n2,"x"y\n3,ok\n');
    expect(records.map(([line]) => line)).toEqual([1, 4]);
    expect(bad.map(([line]) => line)).toEqual([2, 3]);
    expect(bad[1]![1]).toMatch(/closing quote/);
  });

  it('stops at a quote never closed, naming the line it opens on', () => {
    expect(() => read('a,b\n1,ok\n2,"open\n3,more\n')).toThrow(CsvReadError);
    try {
      read('a,b\n1,ok\n2,"open\n3,more\n');
    } catch (error) {
      expect((error as CsvReadError).line).toBe(3);
    }
  });
});

describe('feedbackBatches', () => {
  const csv = (rows: number, bad?: number) => {
    const lines = ['entity,period,model_version,score'];
    for (let i = 0; i < rows; i += 1) {
      lines.push(`m${i},2026-11-02,v1,${i === bad ? 'high' : '0.5'}`);
    }
    return lines.join('\n') + '\n';
  };

  it('hands out validated rows in batches as the body is read', async () => {
    const batches = await collect(
      feedbackBatches('predictions', 'csv', chunked(csv(2_500), 4096), 1_000),
    );
    expect(batches.flat()).toHaveLength(2_500);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.every((b) => b.length < 1_200)).toBe(true);
    expect(batches[0]![0]).toEqual({
      entity: 'm0',
      period: '2026-11-02',
      modelVersion: 'v1',
      score: 0.5,
    });
  });

  it('hands out nothing after a bad row and ends with a 400 naming every bad line', async () => {
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const batch of feedbackBatches(
          'predictions',
          'csv',
          chunked(csv(3_000, 1_500) + 'm-x,2026-02-30,v1,0.5\nm-y,2026-11-02\n', 4096),
          500,
        )) {
          seen.push(batch.length);
        }
      } catch (caught) {
        return caught as AppError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error!.details).toMatchObject({
      field: 'body',
      badRows: 3,
      lines: [{ line: 1_502 }, { line: 3_002 }, { line: 3_003 }],
    });
    expect(error!.message).toContain('nothing was written');
    // Only rows before line 1,502 were handed out.
    expect(seen.reduce((a, b) => a + b, 0)).toBeLessThan(1_500);
  });

  it('refuses a row longer than the header, a header naming a field twice, and an empty body', async () => {
    const long = collect(
      feedbackBatches(
        'outcomes',
        'csv',
        Readable.from([Buffer.from('entity,time,event\nA,2026-11-02T10:00:00Z,failure,oops\n')]),
      ),
    );
    await expect(long).rejects.toMatchObject({
      details: { lines: [{ line: 2, message: expect.stringMatching(/4 cells/) }] },
    });
    const twice = collect(
      feedbackBatches(
        'predictions',
        'csv',
        Readable.from([Buffer.from('entity,modelVersion,model_version\n')]),
      ),
    );
    await expect(twice).rejects.toMatchObject({ message: expect.stringMatching(/twice/) });
    const empty = collect(
      feedbackBatches('predictions', 'csv', Readable.from([Buffer.from('entity,period\n')])),
    );
    await expect(empty).rejects.toMatchObject({ message: expect.stringMatching(/no rows/) });
  });

  it('reads NDJSON line by line, blank lines counted, a broken line named', async () => {
    const text = [
      JSON.stringify({ entity: 'A', time: '2026-11-02T10:00:00Z', event: 'failure' }),
      '',
      '{"entity": "B", ',
      JSON.stringify({ entity: 'C', time: '2026-11-02T11:00:00Z', event: 'failure' }),
    ].join('\n');
    await expect(
      collect(feedbackBatches('outcomes', 'ndjson', chunked(text, 7))),
    ).rejects.toMatchObject({ details: { badRows: 1, lines: [{ line: 3 }] } });
    const good = await collect(
      feedbackBatches('outcomes', 'ndjson', chunked(text.replace('{"entity": "B", ', ''), 7)),
    );
    expect(good.flat().map((o) => o.entity)).toEqual(['A', 'C']);
  });
});
