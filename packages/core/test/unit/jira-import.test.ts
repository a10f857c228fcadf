import { describe, expect, it } from 'vitest';
import {
  mapJiraStatus,
  orderJiraSprints,
  parseJiraDate,
  planJiraImport,
  type JiraCsvTable,
} from '../../src/domain/jira-import.js';

const HEADER = [
  'Summary',
  'Issue key',
  'Issue Type',
  'Status',
  'Assignee',
  'Created',
  'Resolved',
  'Sprint',
  'Sprint',
  'Custom field (Story Points)',
  'Description',
];

type RowFields = {
  summary?: string;
  key?: string;
  type?: string;
  status?: string;
  assignee?: string;
  created?: string;
  resolved?: string;
  sprints?: [string?, string?];
  points?: string;
  description?: string;
};

/** One row in HEADER's column order; every issue is in "S1" unless told otherwise. */
function row(line: number, fields: RowFields): { line: number; cells: string[] } {
  const [sprintA = '', sprintB = ''] = fields.sprints ?? ['S1'];
  return {
    line,
    cells: [
      fields.summary ?? `Story ${line}`,
      fields.key ?? `PDM-${line}`,
      fields.type ?? 'Story',
      fields.status ?? 'To Do',
      fields.assignee ?? '',
      fields.created ?? '',
      fields.resolved ?? '',
      sprintA,
      sprintB,
      fields.points ?? '',
      fields.description ?? '',
    ],
  };
}

function table(...rows: { line: number; cells: string[] }[]): JiraCsvTable {
  return { header: HEADER, rows };
}

describe('planJiraImport: header', () => {
  it('matches headers case-insensitively, trimmed, and reads every Sprint column', () => {
    const plan = planJiraImport({
      header: ['  ISSUE KEY ', 'summary', 'sprint', 'SPRINT', 'Sprint '],
      rows: [{ line: 2, cells: ['PDM-1', 'Load data', 'S1', 'S2', 'S3'] }],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.issues[0]).toMatchObject({ key: 'PDM-1', summary: 'Load data' });
    expect(plan.issues[0]?.sprints).toEqual(['S1', 'S2', 'S3']);
  });

  it('without Issue key or Summary, says so once on line 1 and imports nothing', () => {
    const plan = planJiraImport({
      header: ['Key', 'Title', 'Sprint'],
      rows: [
        { line: 2, cells: ['PDM-1', 'a', 'S1'] },
        { line: 3, cells: ['PDM-2', 'b', 'S1'] },
      ],
    });
    expect(plan.issues).toEqual([]);
    expect(plan.sprints).toEqual([]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]?.line).toBe(1);
    expect(plan.problems[0]?.message).toMatch(/no "Issue key" and no "Summary" column/);
  });

  it('without a Sprint column, says so once on line 1 (stories always belong to a sprint)', () => {
    const plan = planJiraImport({
      header: ['Issue key', 'Summary'],
      rows: [{ line: 2, cells: ['PDM-1', 'a'] }],
    });
    expect(plan.issues).toEqual([]);
    expect(plan.problems).toEqual([{ line: 1, message: expect.stringMatching(/no "Sprint"/) }]);
  });

  it('says an empty file is empty', () => {
    const plan = planJiraImport({ header: [], rows: [] });
    expect(plan.problems).toEqual([{ line: 1, message: expect.stringMatching(/empty/) }]);
  });

  it('carries the parse problems of the table into the plan, ordered by line', () => {
    const plan = planJiraImport({
      ...table(row(2, {}), row(5, { points: 'x' })),
      problems: [{ line: 3, message: 'Line 3: broken quote' }],
    });
    expect(plan.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(plan.issues.map((i) => i.key)).toEqual(['PDM-2']);
  });

  it('without a Status column, imports as todo (done when resolved) and warns once', () => {
    const plan = planJiraImport({
      header: ['Issue key', 'Summary', 'Sprint', 'Resolved'],
      rows: [
        { line: 2, cells: ['PDM-1', 'a', 'S1', ''] },
        { line: 3, cells: ['PDM-2', 'b', 'S1', '2024-03-12'] },
      ],
    });
    expect(plan.issues.map((i) => i.mappedStatus)).toEqual(['todo', 'done']);
    expect(plan.warnings).toEqual([{ line: 1, message: expect.stringMatching(/no "Status"/) }]);
  });
});

describe('planJiraImport: rows', () => {
  it('reads a full row into an issue', () => {
    const plan = planJiraImport(
      table(
        row(2, {
          summary: '  Train baseline model ',
          key: 'PDM-7',
          type: 'Story',
          status: 'In Progress',
          assignee: '  Sam   Carter ',
          created: '12/Mar/24 10:15 AM',
          sprints: ['PDM Sprint 1', 'PDM Sprint 2'],
          points: '5',
          description: '\n  Gradient boosting\r\nfirst.  \n',
        }),
      ),
    );
    expect(plan.issues).toEqual([
      {
        line: 2,
        key: 'PDM-7',
        summary: 'Train baseline model',
        issueType: 'Story',
        status: 'In Progress',
        mappedStatus: 'in_progress',
        assignee: 'Sam Carter',
        sprints: ['PDM Sprint 1', 'PDM Sprint 2'],
        points: 5,
        created: '2024-03-12T10:15:00.000Z',
        resolved: null,
        description: 'Gradient boosting\nfirst.',
      },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('refuses a row with no Issue key or no Summary, naming what is missing', () => {
    const plan = planJiraImport(table(row(2, { key: '' }), row(3, { summary: '  ' })));
    expect(plan.issues).toEqual([]);
    expect(plan.problems).toEqual([
      { line: 2, message: 'Row not imported: no Issue key.' },
      { line: 3, message: 'PDM-3 not imported: no Summary.' },
    ]);
  });

  it('refuses an Issue key that is not a Jira key', () => {
    const plan = planJiraImport(table(row(2, { key: 'just some text' })));
    expect(plan.problems[0]?.message).toMatch(/"Issue key" is "just some text", not a Jira key/);
  });

  it('refuses story points that are not a number of zero or more, naming the column', () => {
    const plan = planJiraImport(
      table(row(2, { points: 'lots' }), row(3, { points: '-3' }), row(4, { points: '2,5' })),
    );
    expect(plan.problems).toEqual([
      {
        line: 2,
        message:
          'PDM-2 not imported: "Custom field (Story Points)" is "lots", not a number of zero or more.',
      },
      {
        line: 3,
        message:
          'PDM-3 not imported: "Custom field (Story Points)" is "-3", not a number of zero or more.',
      },
    ]);
    expect(plan.issues.map((i) => i.points)).toEqual([2.5]);
  });

  it('refuses more story points than a story may have', () => {
    const plan = planJiraImport(table(row(2, { points: '1000' }), row(3, { points: '1500' })));
    expect(plan.problems).toEqual([
      {
        line: 3,
        message:
          'PDM-3 not imported: "Custom field (Story Points)" is 1500; Sextant takes 0 to 1000 points.',
      },
    ]);
    expect(plan.issues.map((i) => i.points)).toEqual([1000]);
  });

  it('takes points from the first non-empty of the story-points columns, in the documented order', () => {
    const plan = planJiraImport({
      header: [
        'Issue key',
        'Summary',
        'Sprint',
        'Story point estimate',
        'Custom field (Story point estimate)',
        'Custom field (Story Points)',
        'Story Points',
      ],
      rows: [
        { line: 2, cells: ['PDM-1', 'a', 'S1', '1', '2', '3', '4'] },
        { line: 3, cells: ['PDM-2', 'b', 'S1', '1', '2', '3', ''] },
        { line: 4, cells: ['PDM-3', 'c', 'S1', '1', '2', '', ''] },
        { line: 5, cells: ['PDM-4', 'd', 'S1', '1', '', '', ''] },
        { line: 6, cells: ['PDM-5', 'e', 'S1', '', '', '', ''] },
        { line: 7, cells: ['PDM-6', 'f', 'S1', '', '', '', '3.0'] },
      ],
    });
    expect(plan.issues.map((i) => i.points)).toEqual([4, 3, 2, 1, null, 3]);
  });

  it('refuses a Created or Resolved that is present but unreadable; empty is null', () => {
    const plan = planJiraImport(
      table(
        row(2, { created: '12/Mär/24 10:15' }),
        row(3, { resolved: 'yesterday' }),
        row(4, { created: '' }),
      ),
    );
    expect(plan.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(plan.problems[0]?.message).toMatch(/"Created" is "12\/Mär\/24 10:15", not a date/);
    expect(plan.problems[1]?.message).toMatch(/"Resolved" is "yesterday", not a date/);
    expect(plan.issues).toMatchObject([{ key: 'PDM-4', created: null, resolved: null }]);
  });

  it('puts every reason for refusing a row in one message', () => {
    const plan = planJiraImport(table(row(2, { summary: '', points: 'many', created: 'soon' })));
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]?.message).toMatch(/no Summary; .*"many".*; .*"soon"/);
  });

  it('refuses the second row with an Issue key seen earlier, whatever its case', () => {
    const plan = planJiraImport(
      table(row(2, { key: 'PDM-1' }), row(3, { key: 'PDM-2' }), row(4, { key: 'pdm-1' })),
    );
    expect(plan.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(plan.problems).toEqual([
      { line: 4, message: 'pdm-1 not imported: Issue key pdm-1 already appears on line 2.' },
    ]);
  });

  it('skips a completely empty row silently', () => {
    const plan = planJiraImport(
      table(row(2, {}), { line: 3, cells: ['', ' ', ''] }, { line: 4, cells: [] }),
    );
    expect(plan.issues).toHaveLength(1);
    expect(plan.problems).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('skips an issue in no sprint with a warning: Sextant stories always belong to a sprint', () => {
    const plan = planJiraImport(table(row(2, {}), row(3, { sprints: [] })));
    expect(plan.issues.map((i) => i.key)).toEqual(['PDM-2']);
    expect(plan.problems).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        line: 3,
        message: 'PDM-3 is in no sprint; skipped, since Sextant stories always belong to a sprint.',
      },
    ]);
  });

  it('lists an issue’s sprints in column order, each once', () => {
    const plan = planJiraImport(
      table(row(2, { sprints: ['S2', 'S2'] }), row(3, { sprints: ['', 'S1'] })),
    );
    expect(plan.issues.map((i) => i.sprints)).toEqual([['S2'], ['S1']]);
  });

  it('keeps unicode names, NFC-normalised, so one person written two ways is one name', () => {
    const decomposed = 'Jose\u0301 Mu\u0308ller';
    const plan = planJiraImport(
      table(
        row(2, { assignee: decomposed }),
        row(3, { assignee: 'José Müller' }),
        row(4, { assignee: 'Zoë Ødegård' }),
        row(5, { assignee: '王芳' }),
        row(6, { assignee: '' }),
      ),
    );
    const names = plan.issues.map((i) => i.assignee);
    expect(names).toEqual(['José Müller', 'José Müller', 'Zoë Ødegård', '王芳', null]);
    expect(names[0]).toBe(names[1]);
  });

  it('gives the earliest Created of the imported issues only', () => {
    const plan = planJiraImport(
      table(
        row(2, { created: '2024-03-12 09:00' }),
        row(3, { created: '2024-03-01 09:00', sprints: [] }),
        row(4, { created: '2024-03-05T10:00:00.000+0100' }),
        row(5, { created: '2024-01-01', points: 'bad' }),
      ),
    );
    expect(plan.earliestCreated).toBe('2024-03-05T09:00:00.000Z');
    expect(planJiraImport(table(row(2, {}))).earliestCreated).toBeNull();
  });
});

describe('parseJiraDate', () => {
  it.each([
    ['12/Mar/24 10:15 AM', '2024-03-12T10:15:00.000Z'],
    ['12/mar/24 10:15 pm', '2024-03-12T22:15:00.000Z'],
    ['12/Mar/24 12:05 AM', '2024-03-12T00:05:00.000Z'],
    ['12/Mar/24 12:05 PM', '2024-03-12T12:05:00.000Z'],
    ['2/Jan/24 9:03 AM', '2024-01-02T09:03:00.000Z'],
    ['12/Mar/2024 10:15', '2024-03-12T10:15:00.000Z'],
    ['12/MAR/2024', '2024-03-12T00:00:00.000Z'],
    ['2024-03-12 10:15', '2024-03-12T10:15:00.000Z'],
    ['2024-03-12 10:15:30', '2024-03-12T10:15:30.000Z'],
    ['2024-03-12T10:15:00.000+0100', '2024-03-12T09:15:00.000Z'],
    ['2024-03-12T10:15:00-05:30', '2024-03-12T15:45:00.000Z'],
    ['2024-03-12T10:15:00Z', '2024-03-12T10:15:00.000Z'],
    ['2024-03-12', '2024-03-12T00:00:00.000Z'],
    ['  29/Feb/24 8:00 AM ', '2024-02-29T08:00:00.000Z'],
  ])('reads %s as %s (UTC when no offset is given)', (text, instant) => {
    expect(parseJiraDate(text)).toBe(instant);
  });

  it.each([
    '',
    'yesterday',
    '12/Mär/24 10:15',
    '12/March/24 10:15',
    '31/Feb/24',
    '29/Feb/23 10:00',
    '12/Mar/24 13:00 PM',
    '12/Mar/24 0:30 AM',
    '12/Mar/24 24:00',
    '2024-13-01',
    '2024-03-12 10:61',
    '03/12/2024',
  ])('refuses %j', (text) => {
    expect(parseJiraDate(text)).toBeNull();
  });
});

describe('mapJiraStatus', () => {
  it.each([
    ['Done', 'done'],
    ['CLOSED', 'done'],
    ['Resolved', 'done'],
    ['Complete', 'done'],
    ['Completed', 'done'],
    ['Released', 'done'],
    ['In Progress', 'in_progress'],
    ['in review', 'in_progress'],
    ['Code Review', 'in_progress'],
    ['Review', 'in_progress'],
    ['Testing', 'in_progress'],
    ['QA', 'in_progress'],
    ['In Development', 'in_progress'],
    ['To Do', 'todo'],
    ['Open', 'todo'],
    ['Backlog', 'todo'],
    ['Selected for Development', 'todo'],
    ['New', 'todo'],
    ['Reopened', 'todo'],
  ] as const)('maps %s to %s without a warning', (status, mapped) => {
    expect(mapJiraStatus({ status })).toEqual({ status: mapped, warning: null });
  });

  it.each(["Won't Do", 'Won’t Do', 'Cancelled', 'Rejected', 'Duplicate'])(
    'treats %s as not delivered: todo, with a warning',
    (status) => {
      const mapping = mapJiraStatus({ status, hasResolvedDate: true });
      expect(mapping.status).toBe('todo');
      expect(mapping.warning).toMatch(/closed without being delivered; imported as todo/);
    },
  );

  it('treats a done status closed with a not-delivered Resolution as todo, with a warning', () => {
    const mapping = mapJiraStatus({ status: 'Closed', resolution: "Won't Fix" });
    expect(mapping).toEqual({
      status: 'todo',
      warning:
        'status "Closed" with resolution "Won\'t Fix" means it was closed without being delivered; imported as todo.',
    });
    expect(mapJiraStatus({ status: 'Closed', resolution: 'Done' }).status).toBe('done');
  });

  it('maps an unknown status to todo with a warning naming it', () => {
    expect(mapJiraStatus({ status: 'Blocked by data' })).toEqual({
      status: 'todo',
      warning: 'Status "Blocked by data" is not one Sextant knows; imported as todo.',
    });
  });

  it('maps an unknown status with a Resolved date to done, with a warning', () => {
    expect(mapJiraStatus({ status: 'Deployed', hasResolvedDate: true })).toEqual({
      status: 'done',
      warning:
        'Status "Deployed" is not one Sextant knows; imported as done because it has a Resolved date.',
    });
    expect(mapJiraStatus({ status: 'In Progress', hasResolvedDate: true }).status).toBe(
      'in_progress',
    );
  });

  it('follows Jira’s Status Category for an unknown status, without a warning', () => {
    expect(mapJiraStatus({ status: 'Ready for QA', statusCategory: 'In Progress' })).toEqual({
      status: 'in_progress',
      warning: null,
    });
  });

  it('warns in the plan with the issue key and the line', () => {
    const plan = planJiraImport(
      table(row(2, { status: 'Parked' }), row(3, { status: "Won't Do" })),
    );
    expect(plan.issues.map((i) => i.mappedStatus)).toEqual(['todo', 'todo']);
    expect(plan.warnings).toEqual([
      { line: 2, message: 'PDM-2: Status "Parked" is not one Sextant knows; imported as todo.' },
      {
        line: 3,
        message:
          'PDM-3: status "Won\'t Do" means it was closed without being delivered; imported as todo.',
      },
    ]);
  });
});

describe('sprint order', () => {
  it('follows the order carried-over issues list their sprints in, over the names', () => {
    // Names alone would put "Kick-off" last (no number) and "Sprint 10" after "Sprint 9".
    expect(
      orderJiraSprints([['Kick-off', 'Sprint 9'], ['Sprint 9', 'Sprint 10'], ['Sprint 10']]),
    ).toEqual(['Kick-off', 'Sprint 9', 'Sprint 10']);
    expect(orderJiraSprints([['Beta', 'Alpha']])).toEqual(['Beta', 'Alpha']);
  });

  it('breaks ties by the number in the name, compared as numbers, then by name', () => {
    expect(
      orderJiraSprints([
        ['PDM Sprint 10'],
        ['PDM Sprint 2'],
        ['Zeta'],
        ['Alpha'],
        ['PDM Sprint 1'],
      ]),
    ).toEqual(['PDM Sprint 1', 'PDM Sprint 2', 'PDM Sprint 10', 'Alpha', 'Zeta']);
    expect(orderJiraSprints([['2024 Sprint 3'], ['2024 Sprint 12']])).toEqual([
      '2024 Sprint 3',
      '2024 Sprint 12',
    ]);
  });

  it('tolerates cycles from issues that disagree, falling back to the tie-break', () => {
    expect(
      orderJiraSprints([
        ['S2', 'S1'],
        ['S1', 'S2'],
        ['S2', 'S3'],
      ]),
    ).toEqual(['S1', 'S2', 'S3']);
  });

  it('counts the imported issues in each sprint, a carried-over issue in each of its sprints', () => {
    const plan = planJiraImport(
      table(
        row(2, { sprints: ['PDM Sprint 1', 'PDM Sprint 2'] }),
        row(3, { sprints: ['PDM Sprint 2'] }),
        row(4, { sprints: ['PDM Sprint 1'] }),
        row(5, { sprints: ['PDM Sprint 3'], points: 'bad' }),
      ),
    );
    expect(plan.sprints).toEqual([
      { name: 'PDM Sprint 1', issueCount: 2 },
      { name: 'PDM Sprint 2', issueCount: 2 },
    ]);
  });
});
