import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_EVENT_DATA,
  alertClearedEvent,
  alertOpenedEvent,
  alertRuleSeverity,
  baselinePromotedEvent,
  deploymentEvent,
  disagreementRisingEvent,
  invitationCreatedEvent,
  runBelowBaselineEvent,
  runNotComparableEvent,
  sprintClosedEvent,
  type NewNotificationEvent,
} from '../../src/index.js';

const project = { id: 'p1', name: 'Churn model' };
const run = { id: 'r2', commit: 'a1b2c3d4e5f6a7b8c9', branch: 'main' };

/** Every builder's data passes its type's schema. */
function valid<E extends NewNotificationEvent<object>>(event: E): E {
  const schema = NOTIFICATION_EVENT_DATA[event.type as keyof typeof NOTIFICATION_EVENT_DATA];
  expect(schema.safeParse(event.data).success).toBe(true);
  return event;
}

describe('notification event builders', () => {
  it('a run below the baseline: title, figures as the web writes them, the run’s path', () => {
    const event = valid(
      runBelowBaselineEvent(project, run, {
        metricName: 'hit_rate_at_10',
        value: 0.273224043715847,
        baselineValue: 0.31,
        baselineRunId: 'r1',
        direction: 'increase',
      }),
    );
    expect(event).toMatchObject({
      type: 'run.below_baseline',
      projectId: 'p1',
      title: 'Churn model: success metric below baseline',
      summary: 'CI run on a1b2c3d4e5f6 (main): hit_rate_at_10 0.273 is below the baseline 0.31.',
      path: '/projects/p1/runs/r2',
      data: { value: 0.273224043715847, baselineValue: 0.31, baselineRunId: 'r1' },
    });
    expect(event.facts[0]).toEqual({ label: 'hit_rate_at_10', value: '0.273' });
  });

  it('a run that equals the baseline does not beat it, and says so', () => {
    const event = runBelowBaselineEvent(project, run, {
      metricName: 'mae',
      value: 1234.5,
      baselineValue: 1234.5,
      baselineRunId: 'r1',
      direction: 'decrease',
    });
    expect(event.summary).toContain('mae 1,235 only equals the baseline 1,235');
  });

  it('a run not comparable names both strategies', () => {
    const event = valid(
      runNotComparableEvent(project, run, {
        metricName: 'hit_rate_at_10',
        value: 0.5,
        baselineRunId: 'r1',
        runFingerprint: 'fp-b',
        baselineFingerprint: 'fp-a',
        runStrategy: 'expanding 7d/7d h2d',
        baselineStrategy: null,
      }),
    );
    expect(event.summary).toContain('under expanding 7d/7d h2d and the baseline under fp-a');
    expect(event.summary).toContain('evaluation strategy changed');
  });

  it('alerts opened and cleared carry the rule, severity, message and numbers', () => {
    const alert = {
      id: 'a1',
      rule: 'roi_no_break_even' as const,
      severity: 'red' as const,
      message: 'The ROI does not break even within 24 months of production.',
      details: { months: 24, ledgerEntries: 1200.5, deadline: '2027-01-01' },
      since: '2026-11-18T10:00:00.000Z',
      path: '/projects/p1/roi',
    };
    const opened = valid(alertOpenedEvent(project, alert));
    expect(opened).toMatchObject({
      title: 'Alert opened on Churn model: ROI does not break even in time',
      summary: alert.message,
      path: '/projects/p1/roi',
      data: { alertId: 'a1', severity: 'red', clearedAt: null },
    });
    expect(opened.facts).toContainEqual({ label: 'Ledger entries', value: '1,201' });
    const cleared = valid(alertClearedEvent(project, alert, '2026-11-20T10:00:00.000Z'));
    expect(cleared.summary).toMatch(/^No longer holds \(open since 18 Nov 2026\)/);
    expect(cleared.data.clearedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('the severity of a cleared alert follows its rule and the stage', () => {
    expect(alertRuleSeverity('goal_missing', 'scoping')).toBe('amber');
    expect(alertRuleSeverity('goal_missing', 'poc')).toBe('red');
    expect(alertRuleSeverity('low_delivery_streak', 'poc')).toBe('red');
    expect(alertRuleSeverity('sprint_overdue', 'poc')).toBe('amber');
  });

  it('operator disagreement rising shows the trend in per cent', () => {
    const event = valid(
      disagreementRisingEvent(project, 'a1', { rates: [0.1, 0.2, 0.35], periods: 3 }),
    );
    expect(event.summary).toBe(
      'Operator disagreement rose over the last 3 days with predictions: 10% → 20% → 35%.',
    );
    expect(event.path).toBe('/projects/p1/production');
  });

  it('a sprint closed: success rate, delivered and carried over', () => {
    const event = valid(
      sprintClosedEvent(project, {
        sprintId: 's1',
        sprintName: 'Sprint 3',
        committed: 1_200,
        delivered: 900,
        successRate: 0.75,
        carriedOver: 12,
        nextSprintId: null,
        newBaseline: null,
      }),
    );
    expect(event.title).toBe('Churn model: Sprint 3 closed, 75% delivered');
    expect(event.summary).toBe(
      'Sprint 3 closed with 900 of 1,200 stories delivered (75%); 12 carried over.',
    );
  });

  it('a baseline promoted names the one it replaces', () => {
    const event = valid(
      baselinePromotedEvent(
        project,
        {
          baselineId: 'b2',
          runId: 'r2',
          metricName: 'hit_rate_at_10',
          value: 0.45,
          reason: 'sprint_close',
          sprintId: 's1',
        },
        { runId: 'r1', value: 0.3 },
      ),
    );
    expect(event.summary).toBe(
      'hit_rate_at_10 0.45 (best run of its sprint) replaces the baseline 0.3.',
    );
    expect(event.data).toMatchObject({ previousRunId: 'r1', previousValue: 0.3 });
  });

  it('deployments: only failed and rolled back are events', () => {
    const data = {
      deploymentId: 'd1',
      version: '1.4.0',
      environment: 'production',
      commit: null,
      finishedAt: '2026-11-17T10:00:00.000Z',
      runId: null,
    };
    expect(deploymentEvent(project, { ...data, status: 'succeeded' })).toBeNull();
    expect(deploymentEvent(project, { ...data, status: 'failed' })?.type).toBe('deployment.failed');
    const rolled = deploymentEvent(project, { ...data, status: 'rolled_back' });
    expect(rolled?.title).toBe('Churn model: deployment of 1.4.0 to production rolled back');
  });

  it('an invitation is a workspace event without any link', () => {
    const event = valid(
      invitationCreatedEvent(
        {
          invitationId: 'i1',
          teamId: 't1',
          teamName: 'Forecasting',
          email: 'kim@example.test',
          role: 'member',
          expiresAt: '2026-11-25T10:00:00.000Z',
        },
        'Ada',
      ),
    );
    expect(event.projectId).toBeNull();
    expect(event.path).toBe('/teams/t1');
    expect(JSON.stringify(event)).not.toContain('/invitations/');
  });
});
