// The plan for test/fixtures/jira-export.csv, as jira-export.expected.md describes it in words.
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJiraImport } from '@sextant/core';
import { parseJiraCsv } from '../../src/import/jira-csv.js';

// Read as the route reads a body: in chunks (small ones here, so lines straddle them).
const fixture = createReadStream(new URL('../fixtures/jira-export.csv', import.meta.url), {
  highWaterMark: 100,
});
const table = await parseJiraCsv(fixture);
const plan = planJiraImport(table);

describe('jira-export.csv fixture', () => {
  it('parses without problems into 14 rows, the multi-line descriptions shifting the lines', () => {
    expect(table.problems).toEqual([]);
    expect(table.rows.map((row) => row.line)).toEqual([
      2, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 23, 24,
    ]);
  });

  it('orders the three sprints chronologically, carried-over issues counted in each', () => {
    expect(plan.sprints).toEqual([
      { name: 'PDM Sprint 1', issueCount: 5 },
      { name: 'PDM Sprint 2', issueCount: 6 },
      { name: 'PDM Sprint 3', issueCount: 5 },
    ]);
  });

  it('imports 13 issues in file order with the expected status, assignee, points and sprints', () => {
    const summary = plan.issues.map((i) => [
      i.line,
      i.key,
      i.mappedStatus,
      i.assignee,
      i.points,
      i.sprints.map((name) => name.replace('PDM Sprint ', '')).join(','),
    ]);
    expect(summary).toEqual([
      [2, 'PDM-14', 'todo', 'Sam Carter', 5, '3'],
      [8, 'PDM-12', 'todo', null, null, '3'],
      [9, 'PDM-11', 'todo', 'Zoë Ødegård', 3, '3'],
      [10, 'PDM-10', 'in_progress', 'Sam Carter', 3, '2,3'],
      [11, 'PDM-9', 'in_progress', 'José Müller', 5, '2,3'],
      [12, 'PDM-8', 'done', 'Sam Carter', 2, '2'],
      [13, 'PDM-7', 'done', '王芳', 3, '2'],
      [14, 'PDM-6', 'done', 'Zoë Ødegård', 5, '2'],
      [15, 'PDM-5', 'done', 'José Müller', 8, '1,2'],
      [16, 'PDM-4', 'done', 'Sam Carter', 2, '1'],
      [17, 'PDM-3', 'done', '王芳', 3, '1'],
      [23, 'PDM-2', 'done', 'Zoë Ødegård', 5, '1'],
      [24, 'PDM-1', 'done', 'José Müller', 3, '1'],
    ]);
    expect(plan.issues.reduce((sum, i) => sum + (i.points ?? 0), 0)).toBe(47);
    expect(plan.issues.every((i) => (i.resolved !== null) === (i.mappedStatus === 'done'))).toBe(
      true,
    );
  });

  it('keeps the multi-line descriptions whole, with "" read as one quote', () => {
    const description = (key: string) => plan.issues.find((i) => i.key === key)?.description;
    expect(description('PDM-3')).toBe(
      'Questions for the planners:\n\n' +
        '1. Do failures show up in the "RMS velocity" trend, and how early?\n' +
        '2. Which sensors drop out, and for how long?\n\n' +
        'Notebook: notebooks/eda-vibration.ipynb',
    );
    expect(description('PDM-14')).toMatch(/^For each pump show:\n- the risk score/);
    expect(description('PDM-12')).toBeNull();
  });

  it('reports exactly one problem, PDM-13 on line 7, and no warnings', () => {
    expect(plan.problems).toEqual([
      {
        line: 7,
        message:
          'PDM-13 not imported: "Custom field (Story Points)" is "lots", not a number of zero or more.',
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('gives the earliest Created as PDM-1’s', () => {
    expect(plan.earliestCreated).toBe('2024-02-26T09:12:00.000Z');
    expect(plan.issues.find((i) => i.key === 'PDM-1')?.created).toBe('2024-02-26T09:12:00.000Z');
  });
});
