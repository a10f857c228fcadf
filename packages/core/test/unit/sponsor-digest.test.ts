import { describe, expect, it } from 'vitest';
import { metricMoney } from '../../src/domain/metric-money.js';
import {
  isoWeek,
  sponsorDigest,
  type SponsorDigestInput,
} from '../../src/domain/sponsor-digest.js';

const money = metricMoney({
  caught: 2.5,
  currentCaught: 0.8,
  threshold: 2,
  n: 10,
  periodHours: 24,
  value: { costMissed: 25_000, costIntervention: 800, currency: 'EUR' },
});

const input: SponsorDigestInput = {
  project: { id: 'p1', name: 'Pump <maintenance>', stage: 'poc' },
  week: '2026-W47',
  url: 'https://sextant.example.test/projects/p1',
  timeZone: 'UTC',
  goals: [
    {
      statement: 'Cut unplanned downtime by 20 %',
      metric: 'downtime hours',
      unit: 'h',
      target: 80,
      deadline: '2027-06-30',
      progress: 0.5,
      latest: { value: 90, measuredAt: '2026-11-16T09:00:00.000Z' },
      message: 'On pace to reach the target by its deadline.',
    },
  ],
  metric: {
    name: 'hit_rate_at_10',
    value: 2.5,
    threshold: 2,
    currentProcess: { name: 'Planners’ list', value: 0.8 },
    money,
    forecast: null,
  },
  decision: {
    decision: 'continue',
    rationale: 'One more sprint on features.',
    decidedAt: '2026-11-14T15:00:00.000Z',
    decidedBy: 'Dana Admin',
    sprintName: 'Sprint 3',
  },
  due: [{ what: 'Sprint 4 review', on: '2026-11-27' }],
  alerts: [{ message: 'No named user: nobody has been named.', since: '2026-11-10T08:00:00.000Z' }],
};

describe('weekly sponsor digest', () => {
  it('says the goal, metric against threshold, money, decision, what is due and alerts', () => {
    const d = sponsorDigest(input, 'https://sextant.example.test/unsubscribe/t');
    expect(d.subject).toBe('[Sextant] Pump <maintenance>: weekly sponsor digest (2026-W47)');
    expect(d.text).toContain(
      'Cut unplanned downtime by 20 %: target 80 h by 30 Jun 2027; latest 90 h on 16 Nov 2026, 50 % of the way.',
    );
    expect(d.text).toContain(
      'hit_rate_at_10: 2.5 against threshold 2 (at or above the threshold).',
    );
    expect(d.text).toContain("Today's process (Planners’ list): 0.8.");
    expect(d.text).toContain(`In money: ${money.text}.`);
    expect(money.text).toContain('€');
    expect(d.text).toContain(
      'Continue after Sprint 3, 14 Nov 2026 by Dana Admin: One more sprint on features.',
    );
    expect(d.text).toContain('Sprint 4 review: 27 Nov 2026');
    expect(d.text).toContain('No named user: nobody has been named. (since 10 Nov 2026)');
    expect(d.text).toContain('Unsubscribe: https://sextant.example.test/unsubscribe/t');
    expect(d.html).toContain('Pump &lt;maintenance&gt;');
    expect(d.html).not.toContain('<maintenance>');
    expect(d.slack.text).toBe('Pump &lt;maintenance&gt;: weekly sponsor digest (2026-W47)');
    expect(d.slack.blocks[0]).toMatchObject({ type: 'header' });
    expect(JSON.stringify(d.slack.blocks)).toContain(input.url);
  });

  it('says plainly what is missing', () => {
    const d = sponsorDigest(
      { ...input, goals: [], metric: null, decision: null, due: [], alerts: [] },
      null,
    );
    expect(d.text).toContain('No business goal is set yet.');
    expect(d.text).toContain('No success criterion is set yet.');
    expect(d.text).toContain('No decision has been recorded yet.');
    expect(d.text).toContain('No open alerts.');
    expect(d.text).not.toContain('Unsubscribe:');
  });

  it('names the ISO week in the time zone', () => {
    expect(isoWeek(new Date('2026-11-18T10:00:00Z'))).toBe('2026-W47');
    // Sunday 23:30 UTC is already Monday in Berlin: the next week.
    expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-W47');
    expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });
});
