import { describe, expect, it } from 'vitest';
import {
  checkSprintDates,
  computePersonDelivery,
  computeSprintSuccess,
  computeTeamTrend,
  evaluateDeliveryWarnings,
  outcomeOf,
  rangesOverlap,
  sprintLengthDays,
  type DeliverySprint,
  type DeliveryStory,
} from '../../src/index.js';

const story = (over: Partial<DeliveryStory> = {}): DeliveryStory => ({
  assigneeId: 'u1',
  assigneeName: 'Una',
  points: null,
  outcome: 'delivered',
  addedAfterStart: false,
  carriedOver: false,
  ...over,
});

let n = 0;
const sprint = (stories: DeliveryStory[], over: Partial<DeliverySprint> = {}): DeliverySprint => {
  n += 1;
  const start = `2026-${String(n).padStart(2, '0')}-01`;
  return {
    id: `s${n}`,
    number: n,
    name: `Sprint ${n}`,
    state: 'closed',
    startDate: start,
    endDate: start,
    stories,
    ...over,
  };
};

describe('sprint dates', () => {
  it('counts both the first and the last day', () => {
    expect(sprintLengthDays('2026-01-05', '2026-01-16')).toBe(12);
    expect(sprintLengthDays('2026-02-23', '2026-03-01')).toBe(7);
  });

  it('accepts a working week up to four calendar weeks', () => {
    expect(checkSprintDates('2026-01-05', '2026-01-09')).toEqual({ ok: true, lengthDays: 5 });
    expect(checkSprintDates('2026-01-05', '2026-02-01')).toEqual({ ok: true, lengthDays: 28 });
    expect(checkSprintDates('2026-01-05', '2026-01-08').ok).toBe(false);
    expect(checkSprintDates('2026-01-05', '2026-02-02').ok).toBe(false);
  });

  it('sees a shared day as an overlap', () => {
    const a = { startDate: '2026-01-05', endDate: '2026-01-16' };
    expect(rangesOverlap(a, { startDate: '2026-01-16', endDate: '2026-01-30' })).toBe(true);
    expect(rangesOverlap(a, { startDate: '2026-01-17', endDate: '2026-01-30' })).toBe(false);
    expect(rangesOverlap(a, { startDate: '2026-01-01', endDate: '2026-02-01' })).toBe(true);
  });

  it('delivers exactly the done stories', () => {
    expect([outcomeOf('done'), outcomeOf('in_progress'), outcomeOf('todo')]).toEqual([
      'delivered',
      'not_delivered',
      'not_delivered',
    ]);
  });
});

describe('sprint success', () => {
  it('has no rate for an empty sprint and no points rate when no story has points', () => {
    const empty = computeSprintSuccess({ stories: [] });
    expect(empty.byCount).toEqual({ numerator: 0, denominator: 0, rate: null });
    const unpointed = computeSprintSuccess({
      stories: [story(), story({ outcome: 'not_delivered' })],
    });
    expect(unpointed.byCount.rate).toBe(0.5);
    expect(unpointed.byPoints.rate).toBeNull();
  });

  it('counts late additions in the commitment and apart', () => {
    const s = computeSprintSuccess({
      stories: [story({ addedAfterStart: true, outcome: 'not_delivered' }), story({ points: 2 })],
    });
    expect(s).toMatchObject({ committed: 2, delivered: 1, addedAfterStart: 1 });
    expect(s.byPoints).toEqual({ numerator: 2, denominator: 2, rate: 1 });
  });
});

describe('per person and trend', () => {
  it('puts unassigned stories last under "Unassigned"', () => {
    const people = computePersonDelivery([
      sprint([
        story({ assigneeId: null, assigneeName: null }),
        story({ assigneeId: 'b', assigneeName: 'Bo' }),
      ]),
    ]);
    expect(people.map((p) => p.name)).toEqual(['Bo', 'Unassigned']);
  });

  it('needs two closed sprints for a trend and ignores open ones', () => {
    expect(computeTeamTrend([sprint([story()])]).direction).toBe('insufficient_data');
    const rising = computeTeamTrend([
      sprint([story({ outcome: 'not_delivered' }), story()]),
      sprint([story()]),
      sprint([story({ outcome: 'not_delivered' })], { state: 'active' }),
    ]);
    expect(rising).toMatchObject({ direction: 'improving', slopePerSprint: 0.5 });
  });
});

describe('delivery warnings', () => {
  it('needs the latest two closed sprints both under the threshold', () => {
    const low = () =>
      sprint([story({ outcome: 'not_delivered' }), story({ outcome: 'not_delivered' }), story()]);
    const good = () => sprint([story()]);
    expect(evaluateDeliveryWarnings([low(), good(), low()], '2026-12-31')).toEqual([]);
    expect(
      evaluateDeliveryWarnings([good(), low(), low()], '2026-12-31').map((w) => w.rule),
    ).toEqual(['low_delivery_streak']);
    const half = sprint([story(), story({ outcome: 'not_delivered' })]);
    expect(evaluateDeliveryWarnings([low(), half], '2026-12-31')).toEqual([]);
  });

  it('follows its named settings', () => {
    const low = () => sprint([story({ outcome: 'not_delivered' }), story()]);
    const stricter = {
      lowDeliveryRate: 0.6,
      lowDeliveryStreak: 1,
      personWindow: 4,
      personSprintsWithUndelivered: 3,
      emptySprintLeadDays: 3,
    };
    expect(evaluateDeliveryWarnings([low()], '2026-12-31', stricter).map((w) => w.rule)).toEqual([
      'low_delivery_streak',
    ]);
  });

  it('judges overdue and empty sprints against today', () => {
    const active = sprint([], { state: 'active', startDate: '2026-05-04', endDate: '2026-05-15' });
    expect(evaluateDeliveryWarnings([active], '2026-05-15').map((w) => w.rule)).toEqual([
      'sprint_empty',
    ]);
    expect(evaluateDeliveryWarnings([active], '2026-05-16').map((w) => w.rule)).toEqual([
      'sprint_overdue',
      'sprint_empty',
    ]);
    const planned = sprint([], {
      state: 'planned',
      startDate: '2026-05-20',
      endDate: '2026-06-02',
    });
    expect(evaluateDeliveryWarnings([planned], '2026-05-16')).toEqual([]);
    expect(evaluateDeliveryWarnings([planned], '2026-05-17').map((w) => w.rule)).toEqual([
      'sprint_empty',
    ]);
  });
});
