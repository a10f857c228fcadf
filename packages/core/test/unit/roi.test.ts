import { describe, expect, it } from 'vitest';
import {
  BREAK_EVEN_METHOD,
  CreateLedgerEntryBody,
  computeRoi,
  ledgerCurrencyConflict,
  leastSquares,
  projectBreakEven,
  roiRatio,
  type LedgerEntryForRoi,
} from '../../src/index.js';

const cost = (date: string, amount: number): LedgerEntryForRoi => ({
  kind: 'cost',
  status: 'realized',
  amount,
  date,
});
const realized = (date: string, amount: number): LedgerEntryForRoi => ({
  kind: 'return',
  status: 'realized',
  amount,
  date,
});
const estimated = (date: string, amount: number): LedgerEntryForRoi => ({
  kind: 'return',
  status: 'estimated',
  amount,
  date,
});

/**
 * January to June 2027: 10,000 of costs a month; realized returns 0, 2,000, 4,000, 6,000,
 * 8,000, 10,000. Monthly net −10,000, −8,000, −6,000, −4,000, −2,000, 0: a straight line of
 * slope +2,000 a month through −10,000 in January. Cumulative net at the end of June: −30,000.
 * Projected: July +2,000 (−28,000), August +4,000 (−24,000), September +6,000 (−18,000),
 * October +8,000 (−10,000), November +10,000 (0): break-even in November 2027.
 */
const rising: LedgerEntryForRoi[] = [
  ...['01', '02', '03', '04', '05', '06'].map((m) => cost(`2027-${m}-05`, 10_000)),
  realized('2027-02-20', 2_000),
  realized('2027-03-20', 4_000),
  realized('2027-04-20', 6_000),
  realized('2027-05-20', 8_000),
  realized('2027-06-10', 10_000),
  // An estimate for December: counts in ROI with estimates, never in the trend.
  estimated('2027-12-01', 90_000),
];

describe('ROI', () => {
  it('is (returns − costs) / costs, with and without estimated returns', () => {
    const roi = computeRoi(rising, '2027-06-15');
    expect(roi.costs).toBe(60_000);
    expect(roi.realizedReturns).toBe(30_000);
    expect(roi.estimatedReturns).toBe(90_000);
    // (30,000 − 60,000) / 60,000 = −0.5; (120,000 − 60,000) / 60,000 = 1.
    expect(roi.roi).toBe(-0.5);
    expect(roi.roiWithEstimates).toBe(1);
  });

  it('is null when there are no costs', () => {
    expect(roiRatio(5_000, 0)).toBeNull();
    expect(computeRoi([realized('2027-01-01', 100)], '2027-01-31').roi).toBeNull();
  });

  it('draws cumulative curves by month up to the last entry', () => {
    const roi = computeRoi(rising, '2027-06-15');
    expect(roi.curves.map((p) => p.month)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
    expect(roi.curves[0]).toEqual({
      month: '2027-01',
      cost: 10_000,
      realizedReturn: 0,
      totalReturn: 0,
    });
    expect(roi.curves[3]).toEqual({
      month: '2027-04',
      cost: 40_000,
      realizedReturn: 12_000,
      totalReturn: 12_000,
    });
    expect(roi.curves[11]).toEqual({
      month: '2027-12',
      cost: 60_000,
      realizedReturn: 30_000,
      totalReturn: 120_000,
    });
  });

  it('adds money in cents', () => {
    const roi = computeRoi([cost('2027-01-01', 0.1), cost('2027-01-02', 0.2)], '2027-01-31');
    expect(roi.costs).toBe(0.3);
  });
});

describe('break-even', () => {
  it('projects November 2027 from a monthly net rising by 2,000 a month', () => {
    const breakEven = projectBreakEven(rising, '2027-06-15');
    expect(breakEven).toMatchObject({
      status: 'projected',
      month: '2027-11',
      date: '2027-11-30',
      monthlyNetTrend: { firstMonth: '2027-01', months: 6 },
    });
    if (breakEven.status !== 'projected') throw new Error('projected');
    expect(breakEven.monthlyNetTrend.slope).toBeCloseTo(2_000, 6);
    expect(breakEven.monthlyNetTrend.intercept).toBeCloseTo(-10_000, 6);
    expect(BREAK_EVEN_METHOD).toContain('Least squares');
  });

  it('is not in sight when returns fall', () => {
    // Net −2,000, −4,000, −6,000, −8,000, −10,000, −10,000: slope −30,000 / 17.5 ≈ −1,714 a month.
    const falling = [
      ...['01', '02', '03', '04', '05', '06'].map((m) => cost(`2027-${m}-01`, 10_000)),
      realized('2027-01-15', 8_000),
      realized('2027-02-15', 6_000),
      realized('2027-03-15', 4_000),
      realized('2027-04-15', 2_000),
    ];
    const breakEven = projectBreakEven(falling, '2027-06-30');
    expect(breakEven.status).toBe('not_in_sight');
    expect(breakEven.month).toBeNull();
    if (breakEven.status !== 'not_in_sight') throw new Error('not in sight');
    expect(breakEven.reason).toMatch(/flat or falling/);
    expect(breakEven.monthlyNetTrend?.slope).toBeCloseTo(-30_000 / 17.5, 6);
  });

  it('uses only the last 6 months', () => {
    // A heavy cost 7 months back stays in the cumulative net but not in the trend.
    const entries = [cost('2026-12-01', 100_000), ...rising];
    const breakEven = projectBreakEven(entries, '2027-06-15');
    // Cumulative −130,000 at the end of June; +2,000, +4,000 … a month: after n months
    // +n(n+1)/2 × 2,000 + 0 … reaches 130,000 when n(n+1) ≥ 130, n = 11 (132): May 2028.
    expect(breakEven).toMatchObject({
      status: 'projected',
      month: '2028-05',
      monthlyNetTrend: { firstMonth: '2027-01', months: 6 },
    });
  });

  it('fits the months a younger ledger has', () => {
    // January to March: net −10,000, −8,000, −6,000, a slope of +2,000 over 3 months.
    const breakEven = projectBreakEven(rising, '2027-03-15');
    expect(breakEven).toMatchObject({
      status: 'projected',
      monthlyNetTrend: { firstMonth: '2027-01', months: 3 },
    });
    if (breakEven.status !== 'projected') throw new Error('projected');
    expect(breakEven.monthlyNetTrend.slope).toBeCloseTo(2_000, 6);
  });

  it('says when it was reached', () => {
    // −10,000 in January, −6,000 after February, +1,000 after March.
    const entries = [
      cost('2027-01-10', 10_000),
      realized('2027-02-10', 4_000),
      realized('2027-03-10', 7_000),
    ];
    expect(projectBreakEven(entries, '2027-05-01')).toEqual({
      status: 'reached',
      month: '2027-03',
      date: '2027-03-31',
    });
  });

  it('does not count returns before the first cost as broken even', () => {
    // +5,000 from January, the first cost only in March: broken even in March, not January.
    const entries = [realized('2027-01-10', 5_000), cost('2027-03-10', 1_000)];
    expect(projectBreakEven(entries, '2027-04-01')).toEqual({
      status: 'reached',
      month: '2027-03',
      date: '2027-03-31',
    });
  });

  it('needs two months of history for a trend', () => {
    const breakEven = projectBreakEven([cost('2027-06-01', 5_000)], '2027-06-20');
    expect(breakEven).toMatchObject({ status: 'not_in_sight' });
    if (breakEven.status === 'not_in_sight') expect(breakEven.reason).toMatch(/2 months/);
  });

  it('fits a least squares line', () => {
    expect(leastSquares([1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
  });
});

describe('ledger entries', () => {
  it('fixes one currency per project', () => {
    expect(ledgerCurrencyConflict(null, 'EUR')).toBeNull();
    expect(ledgerCurrencyConflict('EUR', 'EUR')).toBeNull();
    expect(ledgerCurrencyConflict('EUR', 'USD')).toMatch(/in EUR/);
  });

  it('takes a people cost as days × rate, and refuses half of it', () => {
    const base = {
      kind: 'cost',
      category: 'people',
      currency: 'EUR',
      status: 'realized',
      date: '2027-01-31',
    };
    expect(
      CreateLedgerEntryBody.safeParse({ ...base, peopleDays: 12.5, dayRate: 640 }).success,
    ).toBe(true);
    const half = CreateLedgerEntryBody.safeParse({ ...base, peopleDays: 12.5 });
    expect(half.error?.issues[0]?.path).toEqual(['dayRate']);
    const infra = CreateLedgerEntryBody.safeParse({
      ...base,
      category: 'infrastructure',
      peopleDays: 1,
      dayRate: 1,
    });
    expect(infra.error?.issues[0]?.path).toEqual(['peopleDays']);
    const cents = CreateLedgerEntryBody.safeParse({ ...base, amount: 10.001 });
    expect(cents.error?.issues[0]?.path).toEqual(['amount']);
    const zero = CreateLedgerEntryBody.safeParse({
      ...base,
      kind: 'return',
      category: 'savings',
      amount: 0,
    });
    expect(zero.error?.issues[0]?.path).toEqual(['amount']);
  });
});
