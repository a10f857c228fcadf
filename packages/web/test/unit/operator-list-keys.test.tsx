import { describe, expect, it } from 'vitest';
import { listKeyAction } from '../../src/features/operator-list/list-keys';

const key = (k: string, extra: Record<string, boolean> = {}) => ({ key: k, ...extra });

describe('the daily list keys', () => {
  it('moves between rows with the arrows and j/k, stopping at the ends', () => {
    expect(listKeyAction(key('ArrowDown'), 0, 3)).toEqual({ kind: 'move', index: 1 });
    expect(listKeyAction(key('j'), 2, 3)).toEqual({ kind: 'move', index: 2 });
    expect(listKeyAction(key('ArrowUp'), 2, 3)).toEqual({ kind: 'move', index: 1 });
    expect(listKeyAction(key('k'), 0, 3)).toEqual({ kind: 'move', index: 0 });
    expect(listKeyAction(key('Home'), 2, 3)).toEqual({ kind: 'move', index: 0 });
    expect(listKeyAction(key('End'), 0, 3)).toEqual({ kind: 'move', index: 2 });
  });

  it('decides, focuses the reason and reports the event', () => {
    expect(listKeyAction(key('a'), 1, 3)).toEqual({ kind: 'decide', acted: true });
    expect(listKeyAction(key('n'), 1, 3)).toEqual({ kind: 'decide', acted: false });
    expect(listKeyAction(key('r'), 1, 3)).toEqual({ kind: 'reason' });
    expect(listKeyAction(key('h'), 1, 3)).toEqual({ kind: 'happened' });
  });

  it('leaves other keys, modified keys and an empty list alone', () => {
    expect(listKeyAction(key('x'), 0, 3)).toBeNull();
    expect(listKeyAction(key('a', { ctrlKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(key('n', { metaKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(key('j', { altKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(key('j'), 0, 0)).toBeNull();
  });
});
