import { describe, expect, it } from 'vitest';
import { isNewerVersion } from '../../src/http.js';

describe('isNewerVersion', () => {
  it('compares major, minor and patch as numbers', () => {
    expect(isNewerVersion('0.2.0', '0.1.0')).toBe(true);
    expect(isNewerVersion('0.1.10', '0.1.9')).toBe(true);
    expect(isNewerVersion('1.0.0', '0.9.9')).toBe(true);
    expect(isNewerVersion('0.1.0', '0.1.0')).toBe(false);
    expect(isNewerVersion('0.1.0', '0.2.0')).toBe(false);
  });

  it('ignores a pre-release suffix and is never newer when a side is not a version', () => {
    expect(isNewerVersion('0.2.0-rc.1', '0.1.0')).toBe(true);
    expect(isNewerVersion('unknown', '0.1.0')).toBe(false);
    expect(isNewerVersion('0.2.0', '')).toBe(false);
  });
});
