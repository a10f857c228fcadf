import { describe, expect, it } from 'vitest';
import {
  MINUS,
  formatMetricText,
  formatMoneyShort,
  formatMoneyText,
  formatNumberText,
  metricMoney,
  worthPerPeriod,
} from '../../src/index.js';

const VALUE = { costMissed: 25_000, costIntervention: 800, currency: 'EUR' };

describe('the metric in money', () => {
  it('values caught events less interventions, per period and per year', () => {
    // 1.6 × 25,000 − 10 × 800 = 40,000 − 8,000 = 32,000 a day.
    expect(worthPerPeriod(1.6, 10, VALUE)).toBe(32_000);
    const money = metricMoney({
      caught: 1.6,
      currentCaught: 0.85,
      threshold: 2,
      n: 10,
      periodHours: 24,
      value: VALUE,
    });
    expect(money.model).toEqual({ perPeriod: 32_000, perYear: 11_680_000 });
    // 0.85 × 25,000 − 8,000 = 13,250 a day; × 365 = 4,836,250.
    expect(money.current).toEqual({ perPeriod: 13_250, perYear: 4_836_250 });
    // (1.6 − 0.85) × 25,000 = 18,750 a day; × 365 = 6,843,750.
    expect(money.difference).toEqual({ perPeriod: 18_750, perYear: 6_843_750 });
    // At the threshold 2: 50,000 − 8,000 = 42,000.
    expect(money.atThreshold).toEqual({ perPeriod: 42_000, perYear: 15_330_000 });
    expect(money.text).toBe(
      '1.6 caught a day against 0.85 today: +€18,750 a day, about +€6.8 M a year',
    );
  });

  it('says what the model is worth when the scope states no current figure, weekly', () => {
    const money = metricMoney({
      caught: 0.4,
      currentCaught: null,
      threshold: null,
      n: 5,
      periodHours: 168,
      value: { costMissed: 1_000, costIntervention: 150, currency: 'USD' },
    });
    // 0.4 × 1,000 − 5 × 150 = 400 − 750 = −350 a week; × 52.14 = −18,250.
    expect(money.model).toEqual({ perPeriod: -350, perYear: -18_250 });
    expect(money.difference).toBeNull();
    expect(money.atThreshold).toBeNull();
    expect(money.text).toBe(
      `0.4 caught a week: worth ${MINUS}$350.00 a week after 5 interventions, about ${MINUS}$18.3 k a year`,
    );
  });
});

describe('one way to write numbers', () => {
  it('rounds metrics to 3 significant digits', () => {
    expect(formatMetricText(0.273224043715847)).toBe('0.273');
    expect(formatMetricText(1.4)).toBe('1.4');
    expect(formatMetricText(12.3456)).toBe('12.3');
    expect(formatMetricText(1234.5)).toBe('1,235');
    expect(formatMetricText(-0.0012345)).toBe(`${MINUS}0.00123`);
    expect(formatMetricText(0)).toBe('0');
  });

  it('writes a true minus, thousands and no cents from 1,000', () => {
    expect(formatNumberText(-1234567.891)).toBe(`${MINUS}1,234,567.89`);
    expect(formatNumberText(-0.001)).toBe('0');
    expect(formatMoneyText(18_750, 'EUR', true)).toBe('+€18,750');
    expect(formatMoneyText(-1_200.4, 'EUR')).toBe(`${MINUS}€1,200`);
    expect(formatMoneyText(12.5, 'GBP')).toBe('£12.50');
    expect(formatMoneyText(999.999, 'USD')).toBe('$1,000');
    expect(formatMoneyText(-0.001, 'EUR')).toBe('€0.00');
    expect(formatMoneyText(1_500, 'CHF')).toBe('1,500 CHF');
    expect(formatMoneyShort(6_843_750, 'EUR', true)).toBe('+€6.8 M');
    expect(formatMoneyShort(-340_000, 'EUR')).toBe(`${MINUS}€340 k`);
    expect(formatMoneyShort(9_999, 'EUR')).toBe('€9,999');
    // Half-up on the decimal figure, not its binary value (10.95 is 10.9499… in binary).
    expect(formatMoneyShort(10_950_000, 'EUR', true)).toBe('+€11 M');
    expect(formatNumberText(1.005)).toBe('1.01');
  });
});
