import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/http/json-error.js';

describe('locateJsonError', () => {
  it('names the field that holds NaN', () => {
    expect(locateJsonError('{"a": 1, "scope": {"metric": {"value": NaN}}}')).toMatchObject({
      field: 'scope.metric.value',
      line: 1,
      found: 'NaN}}}',
    });
  });

  it('names array positions and counts lines', () => {
    const where = locateJsonError(
      '{\n  "users": [\n    {"name": "a"},\n    {"name": undefined}\n  ]\n}',
    );
    expect(where).toMatchObject({ field: 'users[1].name', line: 4, column: 14 });
  });

  it('reports a cut-off body at the top level and returns null for valid JSON', () => {
    expect(locateJsonError('{"name": "x"')).toMatchObject({ field: '', found: 'end of input' });
    expect(locateJsonError('{"name": -Infinity}')).toMatchObject({ field: 'name' });
    expect(locateJsonError('{"a": [1, 2.5e3, true, null, "x\\"y"]}')).toBeNull();
  });
});
