import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partStarts } from '../../src/evaluate-parts.js';
import { CLEAN_CI } from '../support/ci-job.js';
import { assertBuilt, runCli } from '../support/server-process.js';

/**
 * Two days, three machines.
 * top 1: 03-01 → A (.9 ✓) caught 1 of 2 events; 03-02 → A and B tie at .5, A first → 0 of 1.
 * top 2: 03-01 → A ✓, B; 03-02 → A, B ✓ → 1 a day.
 */
const PREDICTIONS = `period,entity,score,label
2027-03-01,A,0.9,1
2027-03-01,B,0.8,0
2027-03-01,C,0.7,1
2027-03-02,B,0.5,1
2027-03-02,A,0.5,0
2027-03-02,C,0.1,0
`;

/** Same scores under other column names, no label: the labels come from the events. */
const RENAMED = `date,machineID,s
2027-03-01,A,0.9
2027-03-01,B,0.8
2027-03-01,C,0.7
2027-03-02,A,0.5
2027-03-02,B,0.5
2027-03-02,C,0.1
`;
const EVENTS = `machineID,datetime
C,2027-03-01 06:00:00
B,2027-03-02T06:00:00Z
A,2027-03-05
`;
const CHECKS = `entity,time
A,2027-02-27
B,2027-02-20
C,2027-02-10
`;

/**
 * 12 days × 40 machines in period order, scores with ties, about one label in six; a blank
 * line, a quoted row, padded fields and a CRLF line on the way, so that every reading path
 * meets a part boundary somewhere.
 */
const rows = (): string[] => {
  const lines: string[] = [];
  for (let d = 1; d <= 12; d++) {
    const day = `2027-03-${String(d).padStart(2, '0')}`;
    for (let m = 0; m < 40; m++) {
      const score = ((d * 7 + m * 13) % 9) / 8;
      lines.push(`${day},m${String(m).padStart(2, '0')},${score},${(d + m) % 6 === 0 ? 1 : 0}`);
    }
  }
  lines[100] = `"${lines[100]!.split(',').join('","')}"`;
  lines[230] = lines[230]!.replaceAll(',', ' , ');
  lines[301] = `${lines[301]}\r`;
  lines.splice(350, 0, '');
  return lines;
};
const text = (lines: string[]) => `period,entity,score,label\n${lines.join('\n')}\n`;

/** The same lines grouped by machine (each machine's days in order), as an export by entity. */
const byEntity = (lines: string[]): string[] =>
  [...lines].sort((a, b) => {
    const machine = (line: string) => /m\d\d/.exec(line)?.[0] ?? '';
    return machine(a).localeCompare(machine(b)) || (a < b ? -1 : a > b ? 1 : 0);
  });

/** The same lines in a seeded random order (Fisher–Yates with a small LCG). */
const shuffled = (lines: string[], seed = 12): string[] => {
  const out = [...lines];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('sextant evaluate', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const evaluate = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['evaluate', ...args], { ...CLEAN_CI, ...env });

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'sextant-evaluate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the hit rate per day, the totals and the money', async () => {
    const predictions = file('predictions.csv', PREDICTIONS);
    const run = await evaluate([
      predictions,
      '--top',
      '1',
      '--cost-missed',
      '1000',
      '--cost-intervention',
      '100',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^hit rate@1 per day \(UTC\); .*score descending, then entity ascending/,
    );
    expect(lines[2]!.split(/\s+/)).toEqual(['2027-03-01', '1', '1', '2', '1.000', '0.500']);
    expect(lines[3]!.split(/\s+/)).toEqual(['2027-03-02', '1', '0', '1', '0.000', '0.000']);
    expect(run.stdout).toContain(
      'model: hit rate@1 0.500 events caught a day over 2 days; caught 1 of 3 events (recall 0.333), precision@1 0.500, 2 interventions',
    );
    // 1 caught × 1000 − 2 interventions × 100
    expect(run.stdout).toContain('money: caught 1,000 − interventions 200 = net 800');
  });

  it('answers JSON with hitRate, periods, eventsCaught and money', async () => {
    const predictions = file('predictions.csv', PREDICTIONS);
    const run = await evaluate([
      predictions,
      '--top',
      '2',
      '--json',
      '--cost-missed',
      '1000',
      '--cost-intervention',
      '100',
      '--currency',
      'EUR',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      n: 2,
      periodKind: 'day',
      timeZone: 'UTC',
      hitRate: 1,
      eventsCaught: 2,
      events: 3,
      interventions: 4,
      precisionAtN: 0.5,
      money: { caught: 2000, interventionCost: 400, net: 1600, currency: 'EUR' },
      periods: [
        { period: '2027-03-01', interventions: 2, eventsCaught: 1, events: 2, hitRate: 1 },
        { period: '2027-03-02', interventions: 2, eventsCaught: 1, events: 1, hitRate: 1 },
      ],
    });
  });

  it('computes labels from the events, renames columns and adds the longest-unchecked bar', async () => {
    // labels (horizon 1d): 03-01 C, 03-02 B. Model top 1: A both days → 0 caught.
    // Bar: 03-01 C (checked 02-10, the oldest) ✓; 03-02 B (02-20; C was just checked) ✓.
    const run = await evaluate([
      file('renamed.csv', RENAMED),
      '--top',
      '1',
      '--columns',
      'period=date,entity=machineID,score=s',
      '--events',
      file('events.csv', EVENTS),
      '--checks',
      file('checks.csv', CHECKS),
      '--baseline',
      'longest-unchecked',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ hitRate: 0, eventsCaught: 0, events: 2 });
    expect(result.baseline).toMatchObject({
      strategy: 'longest-unchecked',
      hitRate: 1,
      eventsCaught: 2,
      events: 2,
      periods: [
        { period: '2027-03-01', eventsCaught: 1 },
        { period: '2027-03-02', eventsCaught: 1 },
      ],
    });

    // horizon 2 days, top 2: 03-01 sees C and B (B on 03-02), A and B checked → 1 of 2;
    // 03-02 sees B → 1 of 1.
    const wider = await evaluate([
      file('renamed.csv', RENAMED),
      '--top',
      '2',
      '--columns',
      'period=date,entity=machineID,score=s',
      '--events',
      file('events.csv', EVENTS),
      '--horizon',
      '2d',
      '--json',
    ]);
    expect(JSON.parse(wider.stdout)).toMatchObject({ hitRate: 1, eventsCaught: 2, events: 3 });
  });

  it('reads a file with a byte-order mark, CRLF line ends and quoted fields alike', async () => {
    const windows = `\uFEFF${PREDICTIONS.replaceAll('\n', '\r\n').replace('2027-03-01,A,0.9,1', '"2027-03-01","A",0.9,"1"')}`;
    const run = await evaluate([file('windows.csv', windows), '--top', '1', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ hitRate: 0.5, eventsCaught: 1, events: 3 });
  });

  it('groups instants into ISO weeks in the stated time zone', async () => {
    // Copenhagen (UTC+1): A's row falls on Sunday 03-07 (week 9), B's on Monday 03-08 (week 10).
    // In UTC both fall on Sunday 03-07: A (.9) is checked and B's event is missed.
    const predictions = file(
      'instants.csv',
      'period,entity,score,label\n' +
        '2027-03-07T22:00:00Z,A,0.9,1\n' +
        '2027-03-07T23:30:00Z,B,0.8,1\n' +
        '2027-03-08T10:00:00Z,A,0.1,0\n',
    );
    const copenhagen = await evaluate([
      predictions,
      '--top',
      '1',
      '--period',
      'week',
      '--tz',
      'Europe/Copenhagen',
      '--json',
    ]);
    expect(JSON.parse(copenhagen.stdout)).toMatchObject({
      periodKind: 'week',
      timeZone: 'Europe/Copenhagen',
      hitRate: 1,
      periods: [
        { period: '2027-W09', eventsCaught: 1, events: 1 },
        { period: '2027-W10', eventsCaught: 1, events: 1 },
      ],
    });
    const utc = await evaluate([predictions, '--top', '1', '--period', 'week', '--json']);
    expect(JSON.parse(utc.stdout)).toMatchObject({
      hitRate: 0.5,
      periods: [
        { period: '2027-W09', eventsCaught: 1, events: 2 },
        { period: '2027-W10', eventsCaught: 0, events: 0 },
      ],
    });
  });

  it('prints the random bar with its spread', async () => {
    const run = await evaluate([
      file('renamed.csv', RENAMED),
      '--top',
      '3',
      '--columns',
      'period=date,entity=machineID,score=s',
      '--events',
      file('events.csv', EVENTS),
      '--baseline',
      'random',
      '--seeds',
      '10',
    ]);
    expect(run.code).toBe(0);
    // checking all three machines catches both events whatever the seed
    expect(run.stdout).toContain('bar (random): hit rate@3 1 events caught a day over 2 days');
    expect(run.stdout).toContain('over 10 seeds: hit rate min 1, p10 1, median 1, p90 1, max 1');
  });

  it('shows progress on stderr when asked', async () => {
    const run = await evaluate([file('predictions.csv', PREDICTIONS), '--top', '1', '--progress']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/predictions\.csv: 100 % read, 6 rows\n$/);
  });

  it.each([
    [
      'missing columns',
      'period,entity,value\n2027-03-01,A,1\n',
      [] as string[],
      /^sextant: error: .*m\.csv line 1: missing columns score, label \(header: period, entity, value\)$/,
    ],
    [
      'a renamed column missing',
      'date,entity,score,label\n',
      ['--columns', 'period=day'],
      /line 1: missing column day \(header: date, entity, score, label\)$/,
    ],
    [
      'a bad score',
      'period,entity,score,label\n2027-03-01,A,1,0\n2027-03-01,B,x,0\n',
      [],
      /m\.csv line 3: score "x" is not a number$/,
    ],
    [
      'a bad label',
      'period,entity,score,label\n2027-03-01,A,1,2\n',
      [],
      /line 2: label "2" is not 0 or 1$/,
    ],
    [
      'a bad period',
      'period,entity,score,label\n03/01/2027,A,1,0\n',
      [],
      /line 2: period "03\/01\/2027" is neither a day/,
    ],
    [
      'a day that does not exist',
      'period,entity,score,label\n2027-02-30,A,1,0\n',
      [],
      /line 2: period "2027-02-30" is neither a day/,
    ],
    [
      'a duplicate row',
      'period,entity,score,label\n2027-03-01,A,1,0\n2027-03-01,B,1,0\n2027-03-01,A,2,1\n',
      [],
      /line 4: duplicate row: entity A already has a row for 2027-03-01 on line 2$/,
    ],
    ['a bad --top', PREDICTIONS, ['--top', '0'], /--top must be a whole number ≥ 1, got "0"$/],
    [
      'an unknown time zone',
      PREDICTIONS,
      ['--tz', 'Mars/Olympus'],
      /--tz "Mars\/Olympus" is not a known IANA time zone/,
    ],
    [
      'half a value model',
      PREDICTIONS,
      ['--cost-missed', '5'],
      /--cost-missed and --cost-intervention go together/,
    ],
    [
      'a baseline without events',
      PREDICTIONS,
      ['--baseline', 'random'],
      /--baseline needs --events/,
    ],
  ])('stops on %s with one line and exit 1', async (_name, text, extra, message) => {
    const args = [
      file('m.csv', text),
      ...(extra.includes('--top') ? [] : ['--top', '1']),
      ...extra,
    ];
    const run = await evaluate(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  describe('rows in any order', () => {
    it('evaluates a file whose periods go back and forth as the same rows sorted', async () => {
      const [header, ...lines] = PREDICTIONS.trimEnd().split('\n');
      const backwards = `${header}\n${[...lines].reverse().join('\n')}\n`;
      const sorted = await evaluate([file('sorted.csv', PREDICTIONS), '--top', '1', '--json']);
      const run = await evaluate([file('backwards.csv', backwards), '--top', '1', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ hitRate: 0.5, eventsCaught: 1, events: 3 });
      expect(run.stdout).toBe(sorted.stdout);
    });

    it('gives a file grouped by entity and a shuffled one the sorted file’s output, on 1 to 4 threads', async () => {
      const base = rows();
      const sorted = file('order-sorted.csv', text(base));
      const events = file(
        'order-events.csv',
        'entity,time\nm03,2027-03-04\nm17,2027-03-09\nm17,2027-03-11\nm30,2027-03-01\n',
      );
      const variants = [
        file('order-by-entity.csv', text(byEntity(base))),
        file('order-shuffled.csv', text(shuffled(base))),
      ];
      for (const args of [
        ['--top', '3', '--json', '--cost-missed', '900', '--cost-intervention', '50'],
        ['--top', '2', '--events', events, '--baseline', 'longest-unchecked', '--json'],
        ['--top', '5', '--period', 'week'],
      ]) {
        const expected = await evaluate([sorted, ...args, '--threads', '1']);
        expect(expected.stderr).toBe('');
        for (const variant of variants) {
          for (const threads of ['1', '2', '3', '4']) {
            const run = await evaluate([variant, ...args, '--threads', threads]);
            expect({ args, variant, threads, stderr: run.stderr }).toEqual({
              args,
              variant,
              threads,
              stderr: '',
            });
            expect(run.stdout).toBe(expected.stdout);
          }
        }
      }
    });

    it('names both lines of an entity twice in a day in a shuffled file, on 1 to 4 threads', async () => {
      const lines = shuffled(rows()).filter((line) => line.trim() !== '');
      // m07 on 03-05 again, near the end (another part than its first row when in parts).
      const first = lines.findIndex((line) => line.startsWith('2027-03-05,m07,'));
      lines.splice(lines.length - 5, 0, '2027-03-05,m07,0.99,1');
      const second = lines.length - 6;
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThan(second);
      const path = file('order-duplicate.csv', text(lines));
      for (const threads of ['1', '2', '3', '4']) {
        const run = await evaluate([path, '--top', '3', '--threads', threads]);
        expect({ threads, code: run.code, stderr: run.stderr.trimEnd() }).toEqual({
          threads,
          code: 1,
          stderr: `sextant: error: ${path} line ${second + 2}: duplicate row: entity m07 already has a row for 2027-03-05 on line ${first + 2}`,
        });
      }
    });
  });

  describe('reading a file in parts (--threads)', () => {
    it('answers exactly what one thread answers, with events and the bar too', async () => {
      const predictions = file('parts.csv', text(rows()));
      const unlabelled = file('parts-events.csv', text(rows()));
      const events = file(
        'parts-ev.csv',
        'entity,time\nm03,2027-03-04\nm17,2027-03-09\nm17,2027-03-11\n',
      );
      // The file is small, but --threads N still cuts it into N parts.
      for (const threads of [2, 3, 4])
        expect(partStarts(predictions, threads)).toHaveLength(threads);
      for (const args of [
        [predictions, '--top', '3', '--json'],
        [unlabelled, '--top', '2', '--events', events, '--baseline', 'longest-unchecked', '--json'],
        [predictions, '--top', '5', '--period', 'week'],
      ]) {
        const one = await evaluate([...args, '--threads', '1']);
        expect(one.stderr).toBe('');
        for (const threads of ['2', '3', '4']) {
          const parts = await evaluate([...args, '--threads', threads]);
          expect(parts.stderr).toBe('');
          expect(parts.stdout).toBe(one.stdout);
        }
      }
      const whole = JSON.parse((await evaluate([predictions, '--top', '3', '--json'])).stdout);
      expect(whole.periods).toHaveLength(12);
      expect(whole.interventions).toBe(36);
    });

    it('reports the first mistake with the line one thread reports, where the parts meet', async () => {
      // Mistakes that keep every line's length, so that the parts begin where they begin in
      // the clean file: the first row of a part repeating a machine of its day (seen in the
      // part before), moved back a day (onto its machine's row of the day before, in the
      // part before), or with a bad score.
      const base = rows();
      const clean = text(base);
      const mistakes: Record<string, (line: string, previous: string) => string> = {
        duplicate: (line, previous) =>
          `${line.slice(0, 11)}${previous.slice(11, 14)}${line.slice(14)}`,
        'day before': (line) =>
          `2027-03-${String(Number(line.slice(8, 10)) - 1).padStart(2, '0')}${line.slice(10)}`,
        score: (line) => `${line.slice(0, 15)}x${line.slice(16)}`,
      };
      let checked = 0;
      for (const threads of [2, 4]) {
        const path = file(`clean-${threads}.csv`, clean);
        for (const start of partStarts(path, threads).slice(1)) {
          // The part's first line, as an index into `base` (the header is line 1).
          const at = clean.slice(0, start).split('\n').length - 2;
          if (base[at - 1]?.slice(0, 10) !== base[at]?.slice(0, 10)) continue; // a day starts
          for (const [name, mistake] of Object.entries(mistakes)) {
            const lines = [...base];
            lines[at] = mistake(base[at]!, base[at - 1]!);
            expect(lines[at]!.length).toBe(base[at]!.length);
            const broken = file(`mistake-${threads}-${at}-${name}.csv`, text(lines));
            const one = await evaluate([broken, '--top', '3', '--threads', '1']);
            expect(one.stderr).toMatch(
              new RegExp(`line ${at + 2}: (duplicate row: .* on line \\d+|score "x)`),
            );
            const parts = await evaluate([broken, '--top', '3', '--threads', String(threads)]);
            expect({ name, threads, stderr: parts.stderr, code: parts.code }).toEqual({
              name,
              threads,
              stderr: one.stderr,
              code: 1,
            });
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(9);
    });

    it('refuses a bad --threads', async () => {
      const run = await evaluate([file('t.csv', PREDICTIONS), '--top', '1', '--threads', '0']);
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd()).toMatch(/--threads must be a whole number ≥ 1, got "0"$/);
    });
  });

  describe('--report run', () => {
    let server: Server;
    let url: string;
    const received: { path: string; body: unknown; authorization: string }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => {
          received.push({
            path: request.url ?? '',
            body: JSON.parse(text) as unknown,
            authorization: request.headers.authorization ?? '',
          });
          response.writeHead(201, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ url: '/projects/p1/runs/r1', provenance: 'manual' }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('posts hit_rate_at_N and the value figures as a run, with when the evaluation ran', async () => {
      const before = Date.now();
      const run = await evaluate([
        file('predictions.csv', PREDICTIONS),
        '--top',
        '1',
        '--cost-missed',
        '1000',
        '--cost-intervention',
        '100',
        '--report',
        'run',
        '--project',
        'p1',
        '--commit',
        'abc1234',
        '--url',
        url,
        '--token',
        'ci-token',
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`sextant: run reported: ${url}/projects/p1/runs/r1`);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        path: '/api/v1/projects/p1/runs',
        authorization: 'Bearer ci-token',
        body: {
          commit: 'abc1234',
          metrics: { hit_rate_at_1: 0.5, events_caught: 1, interventions: 2, money_net: 800 },
          params: { top: 1, period: 'day', time_zone: 'UTC', horizon: '1d' },
        },
      });
      // It states its finish, so the run page has no arrival time to pass off as one.
      const { startedAt, finishedAt } = received[0]!.body as {
        startedAt: string;
        finishedAt: string;
      };
      expect(Date.parse(startedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(finishedAt)).toBeGreaterThanOrEqual(Date.parse(startedAt));
      expect(Date.parse(finishedAt)).toBeLessThanOrEqual(Date.now());
    });
  });
});
