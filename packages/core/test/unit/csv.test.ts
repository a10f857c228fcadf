import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, neutraliseCsvText } from '../../src/domain/csv.js';

describe('csvCell', () => {
  it('writes plain text, numbers, yes/no and nothing as they are', () => {
    expect(csvCell('Reliability')).toBe('Reliability');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'neutralises text starting with %j by a leading single quote',
    (start) => {
      expect(neutraliseCsvText(`${start}1+1`)).toBe(`'${start}1+1`);
    },
  );

  it('neutralises a formula and still quotes it when it holds quotes or commas', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""click"")"',
    );
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\rfoo')).toBe('"\'\rfoo"');
  });

  it('leaves those characters alone when they are not first', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user@example.test')).toBe('user@example.test');
    expect(csvCell(' =1')).toBe(' =1');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', 1, null, '=x', 'b,c'])).toBe('a,1,,\'=x,"b,c"\r\n');
  });
});
