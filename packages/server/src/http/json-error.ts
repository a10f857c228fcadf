/**
 * JSON.parse says "Unexpected token" but not where or in which field. On the error path
 * only, this small recursive-descent reader walks the text again and reports the
 * offset and the field path (`scope.currentMetric.value`) where it stops being JSON,
 * so a body with `NaN` in it gets an error naming the field.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** Dotted path of the field being read, '' at the top level. */
  field: string;
  found: string;
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const path: (string | number)[] = [];
  let failedPath: (string | number)[] = [];

  const fail = (): never => {
    failedPath = [...path];
    throw new Stop(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const ch = text.charCodeAt(i);
      if (ch < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i += 1;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail();
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    else i += match[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        const key = string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        path.push(key);
        value();
        path.pop();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail();
      }
    } else if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        path.push(index);
        value();
        path.pop();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };

  try {
    value();
    ws();
    if (i < text.length) fail();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return {
      offset: error.offset,
      line,
      column,
      field: failedPath
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '['),
      found: text.slice(error.offset, error.offset + 12) || 'end of input',
    };
  }
}
