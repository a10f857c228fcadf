import { describe, expect, it } from 'vitest';
import {
  CreateInsightBody,
  INSIGHTS_DELIVERED_RULE,
  UpdateInsightBody,
  allowedInsightMoves,
  computeInsightKpis,
  isAllowedInsightMove,
  stampInsightMove,
  type InsightForKpi,
} from '../../src/index.js';

const insight = (over: Partial<InsightForKpi>): InsightForKpi => ({
  status: 'proposed',
  acceptedAt: null,
  implementedAt: null,
  estimatedValue: null,
  ...over,
});

describe('insight moves', () => {
  it('allows proposed → accepted → implemented and rejection while proposed or accepted only', () => {
    expect(allowedInsightMoves('proposed')).toEqual(['accepted', 'rejected']);
    expect(allowedInsightMoves('accepted')).toEqual(['implemented', 'rejected']);
    expect(allowedInsightMoves('implemented')).toEqual([]);
    expect(allowedInsightMoves('rejected')).toEqual([]);
    expect(isAllowedInsightMove('proposed', 'implemented')).toBe(false);
    expect(isAllowedInsightMove('implemented', 'rejected')).toBe(false);
    expect(isAllowedInsightMove('rejected', 'proposed')).toBe(false);
    expect(isAllowedInsightMove('accepted', 'proposed')).toBe(false);
  });

  it('stamps the day of the move and keeps the earlier stamps', () => {
    const proposed = {
      proposedAt: '2027-01-02',
      acceptedAt: null,
      implementedAt: null,
      rejectedAt: null,
    };
    const accepted = stampInsightMove(proposed, 'accepted', '2027-01-10');
    expect(stampInsightMove(accepted, 'rejected', '2027-02-01')).toEqual({
      proposedAt: '2027-01-02',
      acceptedAt: '2027-01-10',
      implementedAt: null,
      rejectedAt: '2027-02-01',
    });
  });

  it('refuses a value without its currency and a move day without a move', () => {
    const noCurrency = CreateInsightBody.safeParse({
      title: 'Restock pump seals monthly',
      businessArea: 'inventory',
      estimatedValue: { amount: 1200 },
    });
    expect(noCurrency.success).toBe(false);
    expect(noCurrency.error?.issues[0]?.path).toEqual(['estimatedValue', 'currency']);
    const lowercase = CreateInsightBody.safeParse({
      title: 'x',
      businessArea: 'sales',
      estimatedValue: { amount: 1200, currency: 'eur' },
    });
    expect(lowercase.success).toBe(false);
    const dateAlone = UpdateInsightBody.safeParse({ date: '2027-01-01' });
    expect(dateAlone.error?.issues[0]?.path).toEqual(['date']);
  });
});

describe('insight KPIs per month and quarter', () => {
  // Today is 10 April 2027: Q2 began on 1 April.
  const today = '2027-04-10';
  const insights: InsightForKpi[] = [
    // A: accepted on the last day of Q1, implemented on the first day of Q2.
    insight({
      status: 'implemented',
      acceptedAt: '2027-03-31',
      implementedAt: '2027-04-01',
      estimatedValue: { amount: 1000, currency: 'EUR' },
    }),
    // B: accepted on the first day of Q2, valued in dollars.
    insight({
      status: 'accepted',
      acceptedAt: '2027-04-01',
      estimatedValue: { amount: 500, currency: 'USD' },
    }),
    // C: accepted in January, implemented in February.
    insight({
      status: 'implemented',
      acceptedAt: '2027-01-01',
      implementedAt: '2027-02-15',
      estimatedValue: { amount: 2000, currency: 'EUR' },
    }),
    // D: accepted then rejected: not delivered.
    insight({
      status: 'rejected',
      acceptedAt: '2027-02-01',
      estimatedValue: { amount: 9999, currency: 'EUR' },
    }),
    // E: still proposed.
    insight({ status: 'proposed', estimatedValue: { amount: 7777, currency: 'EUR' } }),
    // F: accepted in April, 250.50 EUR.
    insight({
      status: 'accepted',
      acceptedAt: '2027-04-09',
      estimatedValue: { amount: 250.5, currency: 'EUR' },
    }),
    // G: accepted on New Year's Eve 2026, no value.
    insight({ status: 'accepted', acceptedAt: '2026-12-31' }),
  ];

  const kpis = computeInsightKpis(insights, today);

  it('counts delivered by the accepted day, implemented by the implemented day, per month', () => {
    expect(kpis.months.map((m) => [m.period, m.delivered, m.implemented, m.value])).toEqual([
      ['2026-12', 1, 0, []],
      ['2027-01', 1, 0, [{ currency: 'EUR', amount: 2000 }]],
      ['2027-02', 0, 1, []],
      ['2027-03', 1, 0, [{ currency: 'EUR', amount: 1000 }]],
      [
        '2027-04',
        2,
        1,
        [
          { currency: 'EUR', amount: 250.5 },
          { currency: 'USD', amount: 500 },
        ],
      ],
    ]);
    expect(kpis.months[2]).toMatchObject({ start: '2027-02-01', end: '2027-02-28' });
  });

  it('puts 31 March in Q1 and 1 April in Q2, 31 December in the previous year’s Q4', () => {
    expect(
      kpis.quarters.map((q) => [q.period, q.start, q.end, q.delivered, q.implemented]),
    ).toEqual([
      ['2026-Q4', '2026-10-01', '2026-12-31', 1, 0],
      ['2027-Q1', '2027-01-01', '2027-03-31', 2, 1],
      ['2027-Q2', '2027-04-01', '2027-06-30', 2, 1],
    ]);
    expect(kpis.quarters[1]?.value).toEqual([{ currency: 'EUR', amount: 3000 }]);
  });

  it('gives delivered this quarter and its value per currency', () => {
    expect(kpis.thisQuarter).toBe('2027-Q2');
    expect(kpis.deliveredThisQuarter).toBe(2);
    expect(kpis.valueThisQuarter).toEqual([
      { currency: 'EUR', amount: 250.5 },
      { currency: 'USD', amount: 500 },
    ]);
    expect(kpis.rules.delivered).toBe(INSIGHTS_DELIVERED_RULE);
  });

  it('shows only today’s month and quarter, with zeros, when nothing was accepted yet', () => {
    const empty = computeInsightKpis([insight({})], '2027-05-20');
    expect(empty.months).toEqual([
      {
        period: '2027-05',
        start: '2027-05-01',
        end: '2027-05-31',
        delivered: 0,
        implemented: 0,
        value: [],
      },
    ]);
    expect(empty.quarters.map((q) => q.period)).toEqual(['2027-Q2']);
    expect(empty.deliveredThisQuarter).toBe(0);
  });
});
