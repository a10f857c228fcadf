import { describe, expect, it } from 'vitest';
import {
  CreateBacklogItemBody,
  UpdateBacklogItemBody,
  effortDays,
  isOpenBacklogStatus,
  orderBacklog,
  topOpenBacklog,
  type BacklogStatus,
  type Effort,
  type OrderableBacklogItem,
} from '../../src/index.js';

let n = 0;
const item = (
  status: BacklogStatus,
  effort: Effort,
  over: Partial<OrderableBacklogItem> = {},
): OrderableBacklogItem & { label: string } => {
  n += 1;
  return {
    id: `0000000${n}`.slice(-8),
    label: `${status}:${JSON.stringify(effort)}`,
    status,
    effort,
    createdAt: `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`,
    ...over,
  };
};

describe('effortDays', () => {
  it('counts S as 1 day, M as 3 and L as 8', () => {
    expect(effortDays({ size: 'S' })).toBe(1);
    expect(effortDays({ size: 'M' })).toBe(3);
    expect(effortDays({ size: 'L' })).toBe(8);
  });

  it('counts an estimate in days as given', () => {
    expect(effortDays({ days: 0.5 })).toBe(0.5);
    expect(effortDays({ days: 20 })).toBe(20);
  });
});

describe('orderBacklog', () => {
  it('puts open items before closed ones, then the least effort first', () => {
    const items = [
      item('done', { size: 'S' }),
      item('idea', { size: 'L' }),
      item('planned', { days: 2 }),
      item('dropped', { days: 0.5 }),
      item('in_progress', { size: 'S' }),
      item('idea', { days: 0.5 }),
    ];
    expect(orderBacklog(items).map((i) => i.label)).toEqual([
      'idea:{"days":0.5}',
      'in_progress:{"size":"S"}',
      'planned:{"days":2}',
      'idea:{"size":"L"}',
      'dropped:{"days":0.5}',
      'done:{"size":"S"}',
    ]);
  });

  it('compares sizes and day estimates on one scale: 2 days sits between S and M', () => {
    const items = [
      item('idea', { size: 'M' }),
      item('idea', { days: 2 }),
      item('idea', { size: 'S' }),
    ];
    expect(orderBacklog(items).map((i) => effortDays(i.effort))).toEqual([1, 2, 3]);
  });

  it('keeps the oldest first when the effort is the same, whatever the input order', () => {
    const older = item('idea', { size: 'M' });
    const sameDays = item('planned', { days: 3 });
    const newer = item('idea', { size: 'M' });
    expect(orderBacklog([newer, sameDays, older]).map((i) => i.id)).toEqual([
      older.id,
      sameDays.id,
      newer.id,
    ]);
  });

  it('settles equal creation instants by id and leaves the input untouched', () => {
    const at = '2026-04-01T00:00:00.000Z';
    const b = item('idea', { size: 'S' }, { id: 'b', createdAt: at });
    const a = item('idea', { size: 'S' }, { id: 'a', createdAt: at });
    const input = [b, a];
    expect(orderBacklog(input).map((i) => i.id)).toEqual(['a', 'b']);
    expect(input.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('returns an empty list for an empty backlog', () => {
    expect(orderBacklog([])).toEqual([]);
  });
});

describe('topOpenBacklog', () => {
  it('gives the first n open items in backlog order, never a closed one', () => {
    const items = [
      item('done', { days: 0.5 }),
      item('idea', { size: 'L' }),
      item('planned', { size: 'S' }),
      item('dropped', { size: 'S' }),
      item('in_progress', { size: 'M' }),
    ];
    expect(topOpenBacklog(items, 2).map((i) => i.label)).toEqual([
      'planned:{"size":"S"}',
      'in_progress:{"size":"M"}',
    ]);
    expect(topOpenBacklog(items, 10)).toHaveLength(3);
    expect(topOpenBacklog(items, 0)).toEqual([]);
  });

  it('knows which statuses are open', () => {
    expect(
      ['idea', 'planned', 'in_progress', 'done', 'dropped'].map((s) =>
        isOpenBacklogStatus(s as BacklogStatus),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('backlog schemas', () => {
  const valid = {
    observation: 'Largest errors are on machines restarted within 24 h',
    proposedChange: 'Add a "hours since restart" feature',
    effort: { size: 'S' },
    expectedImpact: '+0.2 hit rate@10',
  };

  it('defaults the status to idea and leaves the run out', () => {
    const parsed = CreateBacklogItemBody.parse(valid);
    expect(parsed.status).toBe('idea');
    expect(parsed.runId).toBeUndefined();
  });

  it('takes effort as a size or as days from 0.5 to 365, nothing else', () => {
    const effort = (e: unknown) => CreateBacklogItemBody.safeParse({ ...valid, effort: e });
    expect(effort({ days: 0.5 }).success).toBe(true);
    expect(effort({ days: 365 }).success).toBe(true);
    const tooSmall = effort({ days: 0.25 });
    expect(tooSmall.error?.issues[0]?.path).toEqual(['effort', 'days']);
    expect(effort({ days: 366 }).success).toBe(false);
    for (const bad of [{ size: 'XL' }, { size: 'S', days: 1 }, {}, 'S', { days: '2' }]) {
      const result = effort(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['effort']);
      expect(result.error?.issues[0]?.message).toContain('"size": "S", "M" or "L"');
    }
  });

  it('refuses blank text and unknown fields, naming them', () => {
    const blank = CreateBacklogItemBody.safeParse({ ...valid, proposedChange: '   ' });
    expect(blank.error?.issues[0]?.path).toEqual(['proposedChange']);
    const unknown = UpdateBacklogItemBody.safeParse({ priority: 1 });
    expect(unknown.success).toBe(false);
    expect(UpdateBacklogItemBody.parse({})).toEqual({});
    expect(UpdateBacklogItemBody.parse({ runId: null })).toEqual({ runId: null });
  });
});
