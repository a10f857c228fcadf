import { describe, expect, it } from 'vitest';
import {
  guessDeliverableType,
  importedSprintState,
  layOutSprints,
  mondayOnOrBefore,
  readSprintLength,
  truncateText,
} from '../../src/index.js';

describe('readSprintLength', () => {
  it('reads weeks and days within 5 to 28 days', () => {
    expect(readSprintLength('2w')).toEqual({ ok: true, days: 14 });
    expect(readSprintLength('5d')).toEqual({ ok: true, days: 5 });
    expect(readSprintLength('4w')).toEqual({ ok: true, days: 28 });
  });

  it('refuses hours, lengths outside the rule and garbage, saying why', () => {
    expect(readSprintLength('48h')).toMatchObject({
      ok: false,
      message: expect.stringContaining('days or weeks'),
    });
    expect(readSprintLength('5w')).toMatchObject({
      ok: false,
      message: expect.stringContaining('35 days'),
    });
    expect(readSprintLength('4d')).toMatchObject({
      ok: false,
      message: expect.stringContaining('4 days'),
    });
    expect(readSprintLength('two weeks').ok).toBe(false);
  });
});

describe('mondayOnOrBefore', () => {
  it('finds the Monday of the week, and keeps a Monday', () => {
    expect(mondayOnOrBefore('2024-02-26')).toBe('2024-02-26'); // a Monday
    expect(mondayOnOrBefore('2024-03-03')).toBe('2024-02-26'); // the Sunday after
    expect(mondayOnOrBefore('2024-02-29')).toBe('2024-02-26'); // leap day, a Thursday
    expect(mondayOnOrBefore('2026-01-01')).toBe('2025-12-29'); // across a year
  });
});

describe('layOutSprints and importedSprintState', () => {
  it('lays new sprints end to end and lets known ones keep their dates', () => {
    const known = new Map([['S2', { startDate: '2024-03-18', endDate: '2024-03-29' }]]);
    expect(layOutSprints(['S1', 'S2', 'S3'], '2024-02-26', 14, known)).toEqual([
      { name: 'S1', startDate: '2024-02-26', endDate: '2024-03-10' },
      { name: 'S2', startDate: '2024-03-18', endDate: '2024-03-29' },
      { name: 'S3', startDate: '2024-03-30', endDate: '2024-04-12' },
    ]);
  });

  it('closes what ended before today, activates what runs today, plans the rest', () => {
    const range = { startDate: '2024-03-11', endDate: '2024-03-24' };
    expect(importedSprintState(range, '2024-03-25')).toBe('closed');
    expect(importedSprintState(range, '2024-03-24')).toBe('active');
    expect(importedSprintState(range, '2024-03-11')).toBe('active');
    expect(importedSprintState(range, '2024-03-10')).toBe('planned');
  });
});

describe('guessDeliverableType', () => {
  it('reads the deliverable from the words of the summary', () => {
    expect(guessDeliverableType('Train a gradient-boosting model on sensor data', 'Story')).toBe(
      'model',
    );
    expect(guessDeliverableType('Nightly ETL of maintenance logs', 'Task')).toBe('pipeline');
    expect(
      guessDeliverableType('Extract pump sensor history into a labelled dataset', 'Story'),
    ).toBe('dataset');
    expect(guessDeliverableType('Dashboard of failures per site', 'Story')).toBe('report');
    expect(guessDeliverableType('Business case for the sponsor', 'Story')).toBe('business_report');
    expect(guessDeliverableType('Interview the planners', 'Story')).toBe('other');
  });
});

describe('truncateText', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncateText('short', 10)).toBe('short');
    const cut = truncateText('a'.repeat(300), 200);
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a character written with two UTF-16 units', () => {
    const cut = truncateText(`${'a'.repeat(8)}😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });
});
