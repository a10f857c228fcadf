import { z } from 'zod';
import { ALERT_RULES, type Alert, type AlertSeverity } from '../domain/alerts.js';
import { formatDayText } from '../domain/date-format.js';
import { DECISIONS } from '../domain/review.js';
import { DEPLOYMENT_STATUSES } from '../domain/deployment-kpis.js';
import type { NewNotificationEvent, NotificationEventType } from '../domain/notification-events.js';
import { formatMetricText, formatNumberText } from '../domain/numbers-format.js';
import { TEAM_ROLES } from '../domain/roles.js';
import { STAGES } from '../domain/stage.js';

/*
 * The `data` of each event type (docs/events.md shows an example of each), and the pure
 * builders the services call: title, summary and facts written with core's number format,
 * so Slack, Teams and email read the figures as the web shows them.
 */

const SeveritySchema = z.enum(['red', 'amber']);

export const AlertEventDataSchema = z.object({
  alertId: z.string(),
  rule: z.enum(ALERT_RULES),
  severity: SeveritySchema,
  message: z.string(),
  /** The numbers behind it, as the rule gave them. */
  details: z.record(z.string(), z.unknown()),
  /** When it first held (an instant). */
  since: z.string(),
  /** alert.cleared only: when it stopped holding. */
  clearedAt: z.string().nullable(),
});
export type AlertEventData = z.infer<typeof AlertEventDataSchema>;

export const DisagreementRisingDataSchema = z.object({
  alertId: z.string(),
  /** Share of predictions operators disagreed with, per day with predictions, oldest first. */
  rates: z.array(z.number()),
  periods: z.number().int(),
});
export type DisagreementRisingData = z.infer<typeof DisagreementRisingDataSchema>;

const RunRefSchema = {
  runId: z.string(),
  commit: z.string(),
  branch: z.string().nullable(),
  metricName: z.string(),
  value: z.number(),
  baselineRunId: z.string(),
};

export const RunBelowBaselineDataSchema = z.object({
  ...RunRefSchema,
  baselineValue: z.number(),
  direction: z.enum(['increase', 'decrease']),
});
export type RunBelowBaselineData = z.infer<typeof RunBelowBaselineDataSchema>;

export const RunNotComparableDataSchema = z.object({
  ...RunRefSchema,
  runFingerprint: z.string().nullable(),
  baselineFingerprint: z.string().nullable(),
  runStrategy: z.string().nullable(),
  baselineStrategy: z.string().nullable(),
});
export type RunNotComparableData = z.infer<typeof RunNotComparableDataSchema>;

export const BaselinePromotedDataSchema = z.object({
  baselineId: z.string(),
  runId: z.string(),
  metricName: z.string(),
  value: z.number(),
  reason: z.enum(['first_ci_run', 'sprint_close']),
  sprintId: z.string().nullable(),
  previousRunId: z.string().nullable(),
  previousValue: z.number().nullable(),
});
export type BaselinePromotedData = z.infer<typeof BaselinePromotedDataSchema>;

export const SprintClosedDataSchema = z.object({
  sprintId: z.string(),
  sprintName: z.string(),
  committed: z.number().int(),
  delivered: z.number().int(),
  /** delivered / committed; null for a sprint without stories. */
  successRate: z.number().nullable(),
  carriedOver: z.number().int(),
  nextSprintId: z.string().nullable(),
  newBaseline: z.object({ runId: z.string(), value: z.number() }).nullable(),
});
export type SprintClosedData = z.infer<typeof SprintClosedDataSchema>;

export const DecisionRecordedDataSchema = z.object({
  decisionId: z.string(),
  sprintId: z.string(),
  sprintName: z.string(),
  decision: z.enum(DECISIONS),
  rationale: z.string(),
  stageChange: z.object({ from: z.enum(STAGES), to: z.enum(STAGES) }).nullable(),
});
export type DecisionRecordedData = z.infer<typeof DecisionRecordedDataSchema>;

export const StageChangedDataSchema = z.object({
  from: z.enum(STAGES),
  to: z.enum(STAGES),
  note: z.string(),
  changedAt: z.string(),
});
export type StageChangedData = z.infer<typeof StageChangedDataSchema>;

export const DeploymentEventDataSchema = z.object({
  deploymentId: z.string(),
  version: z.string(),
  environment: z.string(),
  status: z.enum(DEPLOYMENT_STATUSES),
  commit: z.string().nullable(),
  finishedAt: z.string(),
  runId: z.string().nullable(),
});
export type DeploymentEventData = z.infer<typeof DeploymentEventDataSchema>;

/** Never the link or its token: the invitee gets those by mail, and only them. */
export const InvitationCreatedDataSchema = z.object({
  invitationId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  email: z.string(),
  role: z.enum(TEAM_ROLES),
  expiresAt: z.string(),
});
export type InvitationCreatedData = z.infer<typeof InvitationCreatedDataSchema>;

/** Each type's data schema (endpoint.disabled is the pipeline's own and documented there). */
export const NOTIFICATION_EVENT_DATA = {
  'alert.opened': AlertEventDataSchema,
  'alert.cleared': AlertEventDataSchema,
  'operator.disagreement_rising': DisagreementRisingDataSchema,
  'run.below_baseline': RunBelowBaselineDataSchema,
  'run.not_comparable': RunNotComparableDataSchema,
  'baseline.promoted': BaselinePromotedDataSchema,
  'sprint.closed': SprintClosedDataSchema,
  'decision.recorded': DecisionRecordedDataSchema,
  'stage.changed': StageChangedDataSchema,
  'deployment.failed': DeploymentEventDataSchema,
  'deployment.rolled_back': DeploymentEventDataSchema,
  'invitation.created': InvitationCreatedDataSchema,
} as const satisfies Partial<Record<NotificationEventType, z.ZodTypeAny>>;

/** The project an event is about, as its title names it. */
export interface EventProject {
  id: string;
  name: string;
}

const pct = (rate: number) => `${formatNumberText(rate * 100, 0)}%`;
const base = (project: EventProject) => `/projects/${project.id}`;

const RULE_LABELS: Record<Alert['rule'], string> = {
  no_named_user: 'no named user',
  goal_missing: 'no business goal',
  goal_not_quantifiable: 'business goal not quantifiable',
  no_ci_baseline: 'no CI baseline',
  no_production_deployment: 'no production deployment',
  no_insight_this_quarter: 'no insight this quarter',
  roi_no_break_even: 'ROI does not break even in time',
  operator_disagreement_rising: 'operator disagreement rising',
  goal_off_pace: 'business goal off pace',
  low_delivery_streak: 'low delivery streak',
  person_not_delivering: 'someone not delivering',
  sprint_overdue: 'sprint overdue',
  sprint_empty: 'sprint empty',
  evaluation_changed: 'evaluation strategy changed',
};

const SEVERITY_LABEL: Record<AlertSeverity, string> = { red: 'Red', amber: 'Amber' };

/** `maxDays` → `Max days`: a detail's key as a fact's label. */
const labelOf = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** An alert's figures as facts: each number of its details, formatted. */
function detailFacts(details: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(details).flatMap(([key, value]) =>
    typeof value === 'number' ? [{ label: labelOf(key), value: formatMetricText(value) }] : [],
  );
}

export interface AlertForEvent {
  id: string;
  rule: Alert['rule'];
  severity: AlertSeverity;
  message: string;
  details: Record<string, unknown>;
  since: string;
  /** Where to act (opened alerts carry it). */
  path?: string;
}

export function alertOpenedEvent(
  project: EventProject,
  alert: AlertForEvent,
): NewNotificationEvent<AlertEventData> {
  return {
    type: 'alert.opened',
    projectId: project.id,
    title: `Alert opened on ${project.name}: ${RULE_LABELS[alert.rule]}`,
    summary: alert.message,
    facts: [
      { label: 'Severity', value: SEVERITY_LABEL[alert.severity] },
      { label: 'Rule', value: alert.rule },
      ...detailFacts(alert.details),
    ],
    path: alert.path ?? base(project),
    data: {
      alertId: alert.id,
      rule: alert.rule,
      severity: alert.severity,
      message: alert.message,
      details: alert.details,
      since: alert.since,
      clearedAt: null,
    },
  };
}

export function alertClearedEvent(
  project: EventProject,
  alert: AlertForEvent,
  clearedAt: string,
): NewNotificationEvent<AlertEventData> {
  return {
    type: 'alert.cleared',
    projectId: project.id,
    title: `Alert cleared on ${project.name}: ${RULE_LABELS[alert.rule]}`,
    summary: `No longer holds (open since ${formatDayText(alert.since)}): ${alert.message}`,
    facts: [
      { label: 'Severity', value: SEVERITY_LABEL[alert.severity] },
      { label: 'Rule', value: alert.rule },
      { label: 'Open since', value: formatDayText(alert.since) },
      ...detailFacts(alert.details),
    ],
    path: base(project),
    data: {
      alertId: alert.id,
      rule: alert.rule,
      severity: alert.severity,
      message: alert.message,
      details: alert.details,
      since: alert.since,
      clearedAt,
    },
  };
}

export function disagreementRisingEvent(
  project: EventProject,
  alertId: string,
  details: { rates: number[]; periods: number },
): NewNotificationEvent<DisagreementRisingData> {
  const trend = details.rates.map(pct).join(' → ');
  return {
    type: 'operator.disagreement_rising',
    projectId: project.id,
    title: `${project.name}: operators disagree more and more with the model`,
    summary: `Operator disagreement rose over the last ${details.rates.length} days with predictions: ${trend}.`,
    facts: [
      { label: 'Disagreement', value: trend },
      { label: 'Latest', value: details.rates.length ? pct(details.rates.at(-1) ?? 0) : '—' },
    ],
    path: `${base(project)}/production`,
    data: { alertId, rates: details.rates, periods: details.periods },
  };
}

export interface RunForEvent {
  id: string;
  commit: string;
  branch: string | null;
}

export function runBelowBaselineEvent(
  project: EventProject,
  run: RunForEvent,
  figures: {
    metricName: string;
    value: number;
    baselineValue: number;
    baselineRunId: string;
    direction: 'increase' | 'decrease';
  },
): NewNotificationEvent<RunBelowBaselineData> {
  const value = formatMetricText(figures.value);
  const baseline = formatMetricText(figures.baselineValue);
  const verdict = figures.value === figures.baselineValue ? 'only equals' : 'is below';
  return {
    type: 'run.below_baseline',
    projectId: project.id,
    title: `${project.name}: success metric below baseline`,
    summary: `CI run on ${run.commit.slice(0, 12)}${run.branch ? ` (${run.branch})` : ''}: ${figures.metricName} ${value} ${verdict} the baseline ${baseline}.`,
    facts: [
      { label: figures.metricName, value },
      { label: 'Baseline', value: baseline },
      { label: 'Commit', value: run.commit.slice(0, 12) },
      ...(run.branch ? [{ label: 'Branch', value: run.branch }] : []),
    ],
    path: `${base(project)}/runs/${run.id}`,
    data: {
      runId: run.id,
      commit: run.commit,
      branch: run.branch,
      metricName: figures.metricName,
      value: figures.value,
      baselineRunId: figures.baselineRunId,
      baselineValue: figures.baselineValue,
      direction: figures.direction,
    },
  };
}

export function runNotComparableEvent(
  project: EventProject,
  run: RunForEvent,
  figures: Omit<RunNotComparableData, 'runId' | 'commit' | 'branch'>,
): NewNotificationEvent<RunNotComparableData> {
  const unstated = 'an unstated strategy';
  return {
    type: 'run.not_comparable',
    projectId: project.id,
    title: `${project.name}: run not comparable with the baseline`,
    summary: `CI run on ${run.commit.slice(0, 12)} reports ${figures.metricName} ${formatMetricText(figures.value)}, but it was evaluated under ${figures.runStrategy ?? figures.runFingerprint ?? unstated} and the baseline under ${figures.baselineStrategy ?? figures.baselineFingerprint ?? unstated}: evaluation strategy changed.`,
    facts: [
      { label: figures.metricName, value: formatMetricText(figures.value) },
      { label: 'Run evaluation', value: figures.runStrategy ?? figures.runFingerprint ?? '—' },
      {
        label: 'Baseline evaluation',
        value: figures.baselineStrategy ?? figures.baselineFingerprint ?? '—',
      },
    ],
    path: `${base(project)}/runs/${run.id}`,
    data: { runId: run.id, commit: run.commit, branch: run.branch, ...figures },
  };
}

export function baselinePromotedEvent(
  project: EventProject,
  baseline: Omit<BaselinePromotedData, 'previousRunId' | 'previousValue'>,
  previous: { runId: string; value: number } | null,
): NewNotificationEvent<BaselinePromotedData> {
  const value = formatMetricText(baseline.value);
  const why =
    baseline.reason === 'first_ci_run' ? 'the first CI run reporting it' : 'best run of its sprint';
  return {
    type: 'baseline.promoted',
    projectId: project.id,
    title: `${project.name}: new baseline ${baseline.metricName} ${value}`,
    summary: previous
      ? `${baseline.metricName} ${value} (${why}) replaces the baseline ${formatMetricText(previous.value)}.`
      : `${baseline.metricName} ${value} is the first baseline (${why}).`,
    facts: [
      { label: baseline.metricName, value },
      ...(previous
        ? [{ label: 'Previous baseline', value: formatMetricText(previous.value) }]
        : []),
    ],
    path: `${base(project)}/runs/${baseline.runId}`,
    data: {
      ...baseline,
      previousRunId: previous?.runId ?? null,
      previousValue: previous?.value ?? null,
    },
  };
}

export function sprintClosedEvent(
  project: EventProject,
  data: SprintClosedData,
): NewNotificationEvent<SprintClosedData> {
  const rate = data.successRate === null ? 'no stories' : pct(data.successRate);
  const baseline = data.newBaseline
    ? ` New baseline ${formatMetricText(data.newBaseline.value)}.`
    : '';
  return {
    type: 'sprint.closed',
    projectId: project.id,
    title: `${project.name}: ${data.sprintName} closed, ${rate} delivered`,
    summary: `${data.sprintName} closed with ${formatNumberText(data.delivered)} of ${formatNumberText(data.committed)} stories delivered (${rate}); ${formatNumberText(data.carriedOver)} carried over.${baseline}`,
    facts: [
      { label: 'Success rate', value: rate },
      {
        label: 'Delivered',
        value: `${formatNumberText(data.delivered)} / ${formatNumberText(data.committed)}`,
      },
      { label: 'Carried over', value: formatNumberText(data.carriedOver) },
      ...(data.newBaseline
        ? [{ label: 'New baseline', value: formatMetricText(data.newBaseline.value) }]
        : []),
    ],
    path: `${base(project)}/sprints/${data.sprintId}/review`,
    data,
  };
}

const DECISION_LABELS: Record<DecisionRecordedData['decision'], string> = {
  continue: 'continue',
  objectives_met: 'objectives met',
  drop: 'drop the project',
};

export function decisionRecordedEvent(
  project: EventProject,
  data: DecisionRecordedData,
): NewNotificationEvent<DecisionRecordedData> {
  const moved = data.stageChange ? ` The project moved to ${data.stageChange.to}.` : '';
  return {
    type: 'decision.recorded',
    projectId: project.id,
    title: `${project.name}: review of ${data.sprintName} decided to ${DECISION_LABELS[data.decision]}`,
    summary: `${data.rationale}${moved}`,
    facts: [
      { label: 'Decision', value: DECISION_LABELS[data.decision] },
      { label: 'Sprint', value: data.sprintName },
      ...(data.stageChange
        ? [{ label: 'Stage', value: `${data.stageChange.from} → ${data.stageChange.to}` }]
        : []),
    ],
    path: `${base(project)}/sprints/${data.sprintId}/review`,
    data,
  };
}

export function stageChangedEvent(
  project: EventProject,
  data: StageChangedData,
): NewNotificationEvent<StageChangedData> {
  return {
    type: 'stage.changed',
    projectId: project.id,
    title: `${project.name} moved from ${data.from} to ${data.to}`,
    summary: data.note
      ? `${project.name} moved from ${data.from} to ${data.to}: ${data.note}`
      : `${project.name} moved from ${data.from} to ${data.to}.`,
    facts: [
      { label: 'From', value: data.from },
      { label: 'To', value: data.to },
    ],
    path: base(project),
    data,
  };
}

export function deploymentEvent(
  project: EventProject,
  data: DeploymentEventData,
): NewNotificationEvent<DeploymentEventData> | null {
  if (data.status === 'succeeded') return null;
  const what = data.status === 'failed' ? 'failed' : 'rolled back';
  return {
    type: data.status === 'failed' ? 'deployment.failed' : 'deployment.rolled_back',
    projectId: project.id,
    title: `${project.name}: deployment of ${data.version} to ${data.environment} ${what}`,
    summary: `The deployment of ${data.version} to ${data.environment} ${what} (finished ${formatDayText(data.finishedAt)}).`,
    facts: [
      { label: 'Version', value: data.version },
      { label: 'Environment', value: data.environment },
      { label: 'Status', value: what },
      ...(data.commit ? [{ label: 'Commit', value: data.commit.slice(0, 12) }] : []),
    ],
    path: `${base(project)}/deployments`,
    data,
  };
}

export function invitationCreatedEvent(
  data: InvitationCreatedData,
  invitedBy: string | null,
): NewNotificationEvent<InvitationCreatedData> {
  return {
    type: 'invitation.created',
    projectId: null,
    title: `${data.email} invited to ${data.teamName} as ${data.role}`,
    summary: `${invitedBy ?? 'Someone'} invited ${data.email} to ${data.teamName} as ${data.role}; the invitation expires on ${formatDayText(data.expiresAt)}.`,
    facts: [
      { label: 'Team', value: data.teamName },
      { label: 'Email', value: data.email },
      { label: 'Role', value: data.role },
      { label: 'Expires', value: formatDayText(data.expiresAt) },
    ],
    path: `/teams/${data.teamId}`,
    data,
  };
}

/**
 * The severity a rule's alert had, for one being cleared (the stored row does not keep it):
 * the rules about the named user and the goals are red past scoping, amber in it.
 */
export function alertRuleSeverity(rule: Alert['rule'], stage: string): AlertSeverity {
  switch (rule) {
    case 'no_named_user':
    case 'goal_missing':
    case 'goal_not_quantifiable':
      return stage === 'scoping' ? 'amber' : 'red';
    case 'no_production_deployment':
    case 'roi_no_break_even':
    case 'low_delivery_streak':
      return 'red';
    default:
      return 'amber';
  }
}
