import { describe, expect, it } from 'vitest';
import {
  ALERT_SETTINGS,
  addCalendarMonths,
  evaluateAlerts,
  goalProgress,
  judgeHealth,
  type ProjectAlertFacts,
} from '../../src/index.js';

/** A healthy project in production; each test breaks one fact. */
function facts(over: Partial<ProjectAlertFacts> = {}): ProjectAlertFacts {
  return {
    projectId: 'p1',
    today: '2026-11-23',
    stage: 'production',
    stageSince: '2026-03-01',
    productionSince: '2026-03-01',
    pocEndedOn: '2025-12-01',
    namedUsers: 2,
    goals: { count: 1, quantifiable: 1 },
    runs: { total: 40, ci: 38, hasCiBaseline: true, closedSprints: 6 },
    deployments: { lastProductionSuccess: '2026-11-20' },
    insights: { deliveredThisQuarter: 1, quarter: '2026-Q4' },
    roi: { entries: 12, breakEvenDate: '2027-01-01', reason: null },
    delivery: [],
    production: { disagreement: [0.1, 0.2, 0.2, 0.3] },
    goalPace: [],
    ...over,
  };
}

const rules = (f: ProjectAlertFacts) => evaluateAlerts(f).map((a) => a.rule);

describe('alert engine', () => {
  it('raises nothing for a healthy project, which is green', () => {
    expect(evaluateAlerts(facts())).toEqual([]);
    expect(judgeHealth([])).toEqual({ health: 'green', reasons: ['No open alerts.'] });
  });

  it('no named user and a missing goal: amber in scoping, red beyond it', () => {
    const scoping = evaluateAlerts(
      facts({ stage: 'scoping', namedUsers: 0, goals: { count: 0, quantifiable: 0 } }),
    );
    expect(scoping.map((a) => [a.rule, a.severity])).toEqual([
      ['no_named_user', 'amber'],
      ['goal_missing', 'amber'],
    ]);
    const poc = evaluateAlerts(facts({ stage: 'poc', namedUsers: 0 }));
    expect(poc.map((a) => [a.rule, a.severity])).toEqual([['no_named_user', 'red']]);
    expect(poc[0]?.action).toEqual({
      label: 'Name a user in the scope',
      path: '/projects/p1',
      kind: 'change',
    });
  });

  it('says of each action whether it changes the project or only opens the page that shows it', () => {
    const many = evaluateAlerts(
      facts({
        namedUsers: 0,
        goals: { count: 1, quantifiable: 0 },
        runs: { total: 3, ci: 0, hasCiBaseline: false, closedSprints: 1 },
        deployments: { lastProductionSuccess: '2026-08-01' },
        insights: { deliveredThisQuarter: 0, quarter: '2026-Q4' },
        delivery: [{ rule: 'sprint_empty', subjectKey: 's1', message: 'empty', details: {} }],
      }),
    );
    expect(many.map((a) => [a.rule, a.action.label, a.action.kind])).toEqual([
      ['no_named_user', 'Name a user in the scope', 'change'],
      ['goal_not_quantifiable', 'Make a goal quantifiable', 'change'],
      ['no_ci_baseline', 'Report runs from CI', 'change'],
      ['no_production_deployment', 'Deployments', 'open'],
      ['no_insight_this_quarter', 'Insights', 'open'],
      ['sprint_empty', 'Sprints', 'open'],
    ]);
  });

  it('a goal that is not quantifiable is its own alert', () => {
    const [alert] = evaluateAlerts(facts({ stage: 'poc', goals: { count: 2, quantifiable: 0 } }));
    expect(alert?.rule).toBe('goal_not_quantifiable');
    expect(alert?.message).toContain('none of the 2 goals');
  });

  it('no CI baseline once runs exist and a sprint has closed', () => {
    const noCi = { total: 3, ci: 0, hasCiBaseline: false, closedSprints: 1 };
    expect(rules(facts({ stage: 'poc', runs: noCi }))).toEqual(['no_ci_baseline']);
    // Before the first sprint closes, or before any run: not yet.
    expect(rules(facts({ stage: 'poc', runs: { ...noCi, closedSprints: 0 } }))).toEqual([]);
    expect(rules(facts({ stage: 'poc', runs: { ...noCi, total: 0 } }))).toEqual([]);
  });

  it('no production deployment for more than 60 days, counted from the last one', () => {
    // 2026-09-23 → 2026-11-23 is 61 days; 2026-09-24 is 60 (not more).
    const late = evaluateAlerts(facts({ deployments: { lastProductionSuccess: '2026-09-23' } }));
    expect(late.map((a) => a.rule)).toEqual(['no_production_deployment']);
    expect(late[0]?.details).toMatchObject({ days: 61, threshold: 60 });
    expect(late[0]?.severity).toBe('red');
    expect(rules(facts({ deployments: { lastProductionSuccess: '2026-09-24' } }))).toEqual([]);
    // Never deployed: counted from entering production; only in stage production.
    const never = facts({
      productionSince: '2026-08-01',
      stageSince: '2026-08-01',
      deployments: { lastProductionSuccess: null },
    });
    expect(evaluateAlerts(never)[0]?.details).toMatchObject({ days: 114 });
    expect(rules({ ...never, stage: 'productization' })).toEqual([]);
  });

  it('no insight delivered this quarter after the POC, with a grace period', () => {
    const none = { deliveredThisQuarter: 0, quarter: '2026-Q4' };
    const [alert] = evaluateAlerts(facts({ insights: none }));
    expect(alert?.rule).toBe('no_insight_this_quarter');
    expect(alert?.subjectKey).toBe('2026-Q4');
    // The POC ended 30 days ago: still within the grace period; during the POC: never.
    expect(rules(facts({ insights: none, pocEndedOn: '2026-10-24' }))).toEqual([]);
    expect(rules(facts({ insights: none, stage: 'poc', pocEndedOn: null }))).toEqual([]);
  });

  it('ROI not projected to break even within 24 months of production', () => {
    // Production since 2026-03-01: the break-even is due by 2028-03-01.
    expect(
      rules(facts({ roi: { entries: 5, breakEvenDate: '2028-03-01', reason: null } })),
    ).toEqual([]);
    const later = evaluateAlerts(
      facts({ roi: { entries: 5, breakEvenDate: '2028-03-02', reason: null } }),
    );
    expect(later[0]?.details).toMatchObject({ deadline: '2028-03-01' });
    const never = evaluateAlerts(
      facts({ roi: { entries: 5, breakEvenDate: null, reason: 'not in sight: net falling' } }),
    );
    expect(never[0]?.message).toContain('not in sight: net falling');
    // No ledger at all: nothing projected, nothing raised.
    expect(rules(facts({ roi: { entries: 0, breakEvenDate: null, reason: null } }))).toEqual([]);
  });

  it('carries the delivery warnings with their severity and where to act', () => {
    const alerts = evaluateAlerts(
      facts({
        delivery: [
          { rule: 'low_delivery_streak', subjectKey: 'project', message: 'low', details: {} },
          { rule: 'evaluation_changed', subjectKey: 'fp', message: 'changed', details: {} },
        ],
      }),
    );
    expect(alerts.map((a) => [a.rule, a.severity, a.action.path])).toEqual([
      ['low_delivery_streak', 'red', '/projects/p1/sprints'],
      ['evaluation_changed', 'amber', '/projects/p1/runs'],
    ]);
  });

  it('closed projects raise nothing', () => {
    expect(evaluateAlerts(facts({ stage: 'dropped', namedUsers: 0 }))).toEqual([]);
    expect(
      evaluateAlerts(facts({ stage: 'retired', goals: { count: 0, quantifiable: 0 } })),
    ).toEqual([]);
  });

  it('health is the worst severity, with the reasons', () => {
    expect(
      judgeHealth([
        { severity: 'amber', message: 'a' },
        { severity: 'red', message: 'r' },
      ]),
    ).toEqual({ health: 'red', reasons: ['r'] });
    expect(judgeHealth([{ severity: 'amber', message: 'a' }])).toEqual({
      health: 'amber',
      reasons: ['a'],
    });
  });

  it('thresholds are named settings the rules obey', () => {
    const strict = { ...ALERT_SETTINGS, maxDaysWithoutProductionDeployment: 2 };
    expect(evaluateAlerts(facts(), strict).map((a) => a.rule)).toEqual([
      'no_production_deployment',
    ]);
  });
});

describe('operator disagreement alert', () => {
  it('fires when disagreement rose in each of the last 4 days with predictions, and only then', () => {
    const rising = evaluateAlerts(
      facts({ production: { disagreement: [0.5, 0.1, 0.2, 0.25, 0.4] } }),
    );
    expect(rising.map((a) => a.rule)).toEqual(['operator_disagreement_rising']);
    expect(rising[0]!.message).toContain('10% → 20% → 25% → 40%');
    expect(rising[0]!.action.path).toBe('/projects/p1/production');
    // A flat step, fewer than 4 days or no feedback at all: nothing.
    expect(rules(facts({ production: { disagreement: [0.1, 0.2, 0.2, 0.3] } }))).toEqual([]);
    expect(rules(facts({ production: { disagreement: [0.1, 0.2, 0.3] } }))).toEqual([]);
    expect(rules(facts({ production: { disagreement: [] } }))).toEqual([]);
  });
});

describe('calendar helpers', () => {
  it('adds months, clamping to the month end', () => {
    expect(addCalendarMonths('2026-03-01', 24)).toBe('2028-03-01');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2027-12-15', 2)).toBe('2028-02-15');
  });
});

describe('goal progress', () => {
  it('is how far the baseline moved from the first towards the threshold, clamped', () => {
    expect(goalProgress(2, 0.5, 1.25)).toBe(0.5);
    expect(goalProgress(2, 0.5, 0.2)).toBe(0);
    expect(goalProgress(2, 0.5, 2.6)).toBe(1);
    // A metric where lower is better: from 30 down towards 10, now 25.
    expect(goalProgress(10, 30, 25)).toBe(0.25);
    expect(goalProgress(2, null, 1)).toBeNull();
    expect(goalProgress(2, 2, 2)).toBeNull();
  });

  it("raises goal_off_pace when a measured goal's pace misses its target by the deadline", () => {
    const pace = {
      goalId: 'g1',
      statement: 'Halve downtime',
      target: 60,
      deadline: '2027-06-30',
      unit: 'h',
      status: 'off_pace' as const,
      projectedAtDeadline: 101.95,
    };
    const [alert] = evaluateAlerts(facts({ goalPace: [pace] }));
    expect(alert).toMatchObject({ rule: 'goal_off_pace', subjectKey: 'g1', severity: 'amber' });
    expect(alert?.message).toBe(
      '"Halve downtime" will not reach its target by the deadline at this pace: about 102 h on 30 Jun 2027 against 60 h.',
    );
    expect(
      rules(facts({ goalPace: [{ ...pace, status: 'on_pace', projectedAtDeadline: 41.7 }] })),
    ).toEqual([]);
  });
});
