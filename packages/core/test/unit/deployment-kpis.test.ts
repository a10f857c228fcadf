import { describe, expect, it } from 'vitest';
import {
  changeFailureRate,
  daysSinceLastProductionDeployment,
  deploymentDaysPerWeek,
  deploymentKpis,
  leadTimeHours,
  mondayOnOrBefore,
  productionDeploymentsPerMonth,
  productionDeploymentsPerWeek,
  type DeploymentFact,
  type DeploymentStatus,
  type RunFact,
} from '../../src/index.js';

/** Wednesday 25 November 2026, noon UTC; its ISO week starts Monday 23 November. */
const NOW = new Date('2026-11-25T12:00:00Z');

const dep = (
  finishedAt: string,
  status: DeploymentStatus = 'succeeded',
  over: Partial<DeploymentFact> = {},
): DeploymentFact => ({
  version: `v-${finishedAt}`,
  environment: 'production',
  status,
  commit: null,
  runId: null,
  finishedAt,
  ...over,
});

/**
 * Twelve complete weeks before NOW's: six empty (from 31 Aug), five with three deployment
 * days each (Mon–Wed of the weeks of 12 Oct to 9 Nov), and the week of 16 Nov with two
 * successful deployments on Monday (one day), a failure and a staging deployment.
 */
const HISTORY: DeploymentFact[] = [
  ...['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'].flatMap((monday) => {
    const d = Date.parse(`${monday}T09:00:00Z`);
    return [0, 1, 2].map((i) => dep(new Date(d + i * 86_400_000).toISOString()));
  }),
  dep('2026-11-16T08:00:00Z'),
  dep('2026-11-16T17:00:00Z'),
  dep('2026-11-17T10:00:00Z', 'failed'),
  dep('2026-11-18T10:00:00Z', 'succeeded', { environment: 'staging' }),
  // The current, unfinished week: shown in the series, left out of the median.
  dep('2026-11-24T10:00:00Z'),
];

describe('deployment days per week', () => {
  it('starts ISO weeks on Monday', () => {
    expect(mondayOnOrBefore('2026-11-25')).toBe('2026-11-23');
    expect(mondayOnOrBefore('2026-11-23')).toBe('2026-11-23');
    expect(mondayOnOrBefore('2026-11-22')).toBe('2026-11-16');
    expect(mondayOnOrBefore('2027-01-01')).toBe('2026-12-28');
  });

  it('counts two deployments on the same day once, and only successful production ones', () => {
    const weeks = productionDeploymentsPerWeek(HISTORY, NOW);
    expect(weeks).toHaveLength(13);
    expect(weeks[0]?.weekStart).toBe('2026-08-31');
    expect(weeks.at(-2)).toEqual({
      weekStart: '2026-11-16',
      succeeded: 2,
      failed: 1,
      deploymentDays: 1,
    });
    expect(weeks.at(-1)).toEqual({
      weekStart: '2026-11-23',
      succeeded: 1,
      failed: 0,
      deploymentDays: 1,
    });
    expect(weeks.map((w) => w.deploymentDays)).toEqual([0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 1, 1]);
  });

  it('is the median over the last 12 complete weeks, empty weeks counting as 0', () => {
    // Sorted: 0 0 0 0 0 0 | 1 3 3 3 3 3 → (0 + 1) / 2. Counting Monday twice would give 1.
    expect(deploymentDaysPerWeek(HISTORY, NOW)).toBe(0.5);
    expect(deploymentDaysPerWeek([], NOW)).toBe(0);
  });
});

describe('production deployments per month', () => {
  it('counts every production deployment, whatever its status, by its UTC month', () => {
    const months = productionDeploymentsPerMonth(HISTORY, NOW);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-12', count: 0 });
    // October: 3 weeks × 3. November: 3 + 3 + (2 + 1 failed) + 1; staging left out.
    expect(months.slice(-3)).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 9 },
      { month: '2026-11', count: 10 },
    ]);
  });

  it('places a deployment by its UTC instant, whatever the offset it was written with', () => {
    const months = productionDeploymentsPerMonth([dep('2026-11-01T00:30:00+02:00')], NOW);
    expect(months.at(-2)).toEqual({ month: '2026-10', count: 1 });
  });
});

describe('days since the last production deployment', () => {
  it('counts UTC days from the last successful production deployment', () => {
    expect(daysSinceLastProductionDeployment(HISTORY, NOW)).toBe(1);
    expect(
      daysSinceLastProductionDeployment(
        [dep('2026-11-20T23:00:00Z'), dep('2026-11-25T01:00:00Z', 'failed')],
        NOW,
      ),
    ).toBe(5);
    expect(daysSinceLastProductionDeployment([dep('2026-11-25T00:00:00Z')], NOW)).toBe(0);
  });

  it('is null without any successful production deployment', () => {
    expect(daysSinceLastProductionDeployment([], NOW)).toBeNull();
    expect(
      daysSinceLastProductionDeployment(
        [
          dep('2026-11-20T10:00:00Z', 'rolled_back'),
          dep('2026-11-20T11:00:00Z', 'succeeded', { environment: 'staging' }),
        ],
        NOW,
      ),
    ).toBeNull();
  });
});

describe('change failure rate', () => {
  it('divides failed and rolled-back production deployments by all of them, over 90 days', () => {
    const deployments = [
      // v1 failed, then its retry succeeded: two deployments, one failure (not "no failed change").
      dep('2026-11-10T10:00:00Z', 'failed', { version: 'v1' }),
      dep('2026-11-10T11:00:00Z', 'succeeded', { version: 'v1' }),
      dep('2026-11-12T10:00:00Z', 'succeeded', { version: 'v2' }),
      dep('2026-11-13T10:00:00Z', 'rolled_back', { version: 'v3' }),
      dep('2026-11-13T12:00:00Z', 'failed', { version: 'v3', environment: 'staging' }),
      // The window is 28 Aug … 25 Nov: the 28th is in, the 27th is out.
      dep('2026-08-28T00:00:00Z', 'failed', { version: 'v0' }),
      dep('2026-08-27T23:59:00Z', 'failed', { version: 'v-1' }),
    ];
    // (failed v1 + rolled back v3 + failed v0) / 5 production deployments in the window.
    expect(changeFailureRate(deployments, NOW)).toBe(3 / 5);
  });

  it('is null without production deployments in the window', () => {
    expect(changeFailureRate([], NOW)).toBeNull();
    expect(changeFailureRate([dep('2026-08-01T10:00:00Z', 'failed')], NOW)).toBeNull();
  });
});

describe('lead time', () => {
  const runs: RunFact[] = [
    { id: 'r1', commit: 'aaa', provenance: 'ci', at: '2026-11-20T08:00:00Z' },
    { id: 'r2', commit: 'aaa', provenance: 'ci', at: '2026-11-19T20:00:00Z' },
    { id: 'r3', commit: 'aaa', provenance: 'manual', at: '2026-11-18T00:00:00Z' },
    { id: 'r4', commit: 'bbb', provenance: 'ci', at: '2026-11-21T00:00:00Z' },
    { id: 'r5', commit: 'zzz', provenance: 'manual', at: '2026-11-22T06:00:00Z' },
    { id: 'r6', commit: 'eee', provenance: 'ci', at: '2026-07-31T00:00:00Z' },
  ];
  const deployments: DeploymentFact[] = [
    dep('2026-11-20T10:00:00Z', 'succeeded', {
      version: 'v1',
      commit: 'aaa',
      environment: 'staging',
    }),
    dep('2026-11-20T12:00:00Z', 'failed', { version: 'v1', commit: 'aaa' }),
    dep('2026-11-21T08:00:00Z', 'succeeded', { version: 'v1', commit: 'aaa' }),
    dep('2026-11-23T00:00:00Z', 'succeeded', { version: 'v1', commit: 'aaa' }),
    dep('2026-11-21T06:00:00Z', 'succeeded', { version: 'v2', commit: 'bbb' }),
    dep('2026-11-22T18:00:00Z', 'succeeded', { version: 'v3', commit: 'ccc', runId: 'r5' }),
    dep('2026-11-22T19:00:00Z', 'succeeded', { version: 'v4', commit: 'ddd' }),
    dep('2026-08-01T00:00:00Z', 'succeeded', { version: 'v5', commit: 'eee' }),
  ];

  it('is the median over versions of earliest CI run → first successful production deployment', () => {
    // v1: 19 Nov 20:00 (r2; the manual r3 does not count) → 21 Nov 08:00 = 36 h.
    // v2: 21 Nov 00:00 → 21 Nov 06:00 = 6 h. v3: linked r5 22 Nov 06:00 → 18:00 = 12 h.
    // v4 has no run; v5 was first deployed before the 90-day window. Median of 6, 12, 36.
    expect(leadTimeHours(deployments, runs, NOW)).toBe(12);
    expect(leadTimeHours(deployments.slice(0, 4), runs, NOW)).toBe(36);
  });

  it('is null when no version has a run', () => {
    expect(leadTimeHours(deployments, [], NOW)).toBeNull();
    expect(leadTimeHours([], runs, NOW)).toBeNull();
  });
});

describe('deploymentKpis', () => {
  it('gathers every KPI with its rule', () => {
    const kpis = deploymentKpis(HISTORY, [], NOW);
    expect(kpis).toMatchObject({
      deploymentDaysPerWeek: 0.5,
      daysSinceLastProduction: 1,
      changeFailureRate: 1 / 19,
      leadTimeHours: null,
    });
    expect(kpis.perMonth).toEqual(productionDeploymentsPerMonth(HISTORY, NOW));
    expect(kpis.perWeek).toEqual(productionDeploymentsPerWeek(HISTORY, NOW));
    expect(kpis.rules.changeFailureRate).toMatch(/deployments, not changes/);
    expect(kpis.rules.deploymentDaysPerWeek).toMatch(/count once/);
  });
});
