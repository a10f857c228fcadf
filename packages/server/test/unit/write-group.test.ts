import { describe, expect, it } from 'vitest';
import type { Repositories } from '@sextant/db';
import { ALONE, WriteGroup, type GroupOutcome } from '../../src/services/write-group.js';

/** A store whose transactions record what they wrote, and whose commits the test may fail. */
function fakeStore(opts: { failCommit?: boolean } = {}) {
  const log: string[] = [];
  return {
    log,
    store: {
      transaction: async <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => {
        log.push('begin');
        const result = await work({} as Repositories);
        if (opts.failCommit) {
          log.push('commit failed');
          throw new Error('disk full');
        }
        log.push('commit');
        return result;
      },
    },
  };
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: (error as Error).message }),
  );

describe('WriteGroup', () => {
  it('writes items submitted together in one transaction, answering each after the commit', async () => {
    const { store, log } = fakeStore();
    const group = new WriteGroup<number, number>({
      store,
      write: async (_repos, items) => {
        log.push(`write ${items.join(',')}`);
        return items.map((n) => ({ value: n * 10 }));
      },
      alone: async () => {
        throw new Error('not expected');
      },
    });
    const answers = [1, 2, 3].map((n) =>
      group.submit(n).then((v) => {
        log.push(`answered ${n}`);
        return v;
      }),
    );
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
    expect(log).toEqual([
      'begin',
      'write 1,2,3',
      'commit',
      'answered 1',
      'answered 2',
      'answered 3',
    ]);
  });

  it('puts what arrives during a transaction into the next one, at most maxSize each', async () => {
    const { store, log } = fakeStore();
    let late: Promise<number> | undefined;
    const group = new WriteGroup<number, number>({
      store,
      maxSize: 2,
      write: async (_repos, items) => {
        log.push(`write ${items.join(',')}`);
        late ??= group.submit(9);
        return items.map((n) => ({ value: n }));
      },
      alone: async (n) => n,
    });
    await Promise.all([group.submit(1), group.submit(2), group.submit(3)]);
    await late;
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 1,2', 'write 3,9']);
  });

  it('fails only the item whose outcome is an error, and writes ALONE items after the commit', async () => {
    const { store, log } = fakeStore();
    const group = new WriteGroup<number, number>({
      store,
      write: async (_repos, items) =>
        items.map((n): GroupOutcome<number> =>
          n === 2 ? { error: new Error('archived') } : n === 3 ? ALONE : { value: n },
        ),
      alone: async (n) => {
        log.push(`alone ${n}`);
        return n * 100;
      },
    });
    const results = await Promise.all([1, 2, 3].map((n) => settle(group.submit(n))));
    expect(results).toEqual([{ value: 1 }, { error: 'archived' }, { value: 300 }]);
    expect(log.indexOf('alone 3')).toBeGreaterThan(log.indexOf('commit'));
  });

  it('writes every item alone when the shared write throws', async () => {
    const { store } = fakeStore();
    const group = new WriteGroup<number, number>({
      store,
      write: async () => {
        throw new Error('unique violation');
      },
      alone: async (n) => (n === 2 ? Promise.reject(new Error('still broken')) : n),
    });
    const results = await Promise.all([1, 2, 3].map((n) => settle(group.submit(n))));
    expect(results).toEqual([{ value: 1 }, { error: 'still broken' }, { value: 3 }]);
  });

  it('answers every item with the error when the commit fails, writing none again', async () => {
    const { store } = fakeStore({ failCommit: true });
    let alone = 0;
    const group = new WriteGroup<number, number>({
      store,
      write: async (_repos, items) => items.map((n) => ({ value: n })),
      alone: async (n) => {
        alone += 1;
        return n;
      },
    });
    const results = await Promise.all([1, 2].map((n) => settle(group.submit(n))));
    expect(results).toEqual([{ error: 'disk full' }, { error: 'disk full' }]);
    expect(alone).toBe(0);
  });
});
