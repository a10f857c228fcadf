import { describe, expect, it } from 'vitest';
import { closedOnDay, sprintForDay, sprintSpan, type SprintDates } from '../../src/index.js';

const sprint = (over: Partial<SprintDates>): SprintDates => ({
  id: 's1',
  name: 'Sprint 1',
  startDate: '2026-12-02',
  endDate: '2026-12-15',
  state: 'active',
  closedAt: null,
  ...over,
});

describe('sprint dates after a close', () => {
  it('ends a sprint closed early on its close day, and keeps the planned end otherwise', () => {
    const early = sprint({ state: 'closed', closedAt: '2026-12-02T12:00:00.000Z' });
    expect(closedOnDay(early)).toBe('2026-12-02');
    expect(sprintSpan(early)).toEqual({ startDate: '2026-12-02', endDate: '2026-12-02' });
    const late = sprint({ state: 'closed', closedAt: '2026-12-17T09:00:00.000Z' });
    expect(sprintSpan(late)).toEqual({ startDate: '2026-12-02', endDate: '2026-12-15' });
    expect(sprintSpan(sprint({}))).toEqual({ startDate: '2026-12-02', endDate: '2026-12-15' });
    expect(closedOnDay(sprint({}))).toBeNull();
  });

  it('gives a fact to the open sprint holding its day, never to a closed one', () => {
    const closed = sprint({ state: 'closed', closedAt: '2026-12-02T12:00:00.000Z' });
    const next = sprint({
      id: 's2',
      name: 'Sprint 2',
      startDate: '2026-12-03',
      endDate: '2026-12-16',
      state: 'planned',
    });
    expect(sprintForDay([closed, next], '2026-12-05')).toEqual({
      sprintId: 's2',
      note: 'Joined Sprint 2: its dates (3 – 16 Dec 2026) hold 5 Dec 2026.',
    });
    const inClosed = sprintForDay([closed, next], '2026-12-02');
    expect(inClosed.sprintId).toBeNull();
    expect(inClosed.note).toBe(
      'No sprint: Sprint 1 holds 2 Dec 2026 but was closed on 2 Dec 2026, and a closed sprint takes no more runs (its record is final).',
    );
    expect(sprintForDay([closed, next], '2027-01-10')).toEqual({
      sprintId: null,
      note: "No sprint: no open sprint's dates hold 10 Jan 2027.",
    });
    expect(sprintForDay([sprint({})], '2026-12-15').sprintId).toBe('s1');
    expect(sprintForDay([sprint({})], '2026-12-16').sprintId).toBeNull();
  });
});
