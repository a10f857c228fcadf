/**
 * Records → API shapes. Each function names exactly what leaves the server, so a new
 * column never leaks into an answer by accident.
 */
import type {
  DeliveryWarningView,
  Sprint,
  Story,
  AuditEvent,
  Goal,
  Member,
  Project,
  ProjectDetail,
  Risk,
  StageChange,
  SuccessCriterion,
  Team,
  Token,
  User,
} from '@sextant/core';
import type {
  SprintRecord,
  StoredWarning,
  StoryRecord,
  AuditRecord,
  GoalRecord,
  MemberRecord,
  ProjectWithRole,
  RiskRecord,
  StageChangeRecord,
  SuccessCriterionRecord,
  TeamWithRole,
  TokenRecord,
  UserRecord,
} from '@sextant/db';
import { closedOnDay, sprintLengthDays } from '@sextant/core';
import type { ProjectDetailRecord } from '../services/projects.service.js';
import { criterionMetricName } from '../services/success-criterion.service.js';

export const presentUser = (u: UserRecord): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt,
});

export const presentTeam = (t: TeamWithRole): Team => ({
  id: t.id,
  name: t.name,
  role: t.role,
  memberCount: t.memberCount,
  createdAt: t.createdAt,
});

export const presentMember = (m: MemberRecord): Member => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  addedAt: m.addedAt,
});

export const presentToken = (t: TokenRecord): Token => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  prefix: t.prefix,
  projectId: t.projectId,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export const presentProject = (p: ProjectWithRole): Project => ({
  id: p.id,
  teamId: p.teamId,
  teamName: p.teamName,
  name: p.name,
  stage: p.stage,
  archivedAt: p.archivedAt,
  scope: p.scope,
  role: p.role,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const presentGoal = (g: GoalRecord): Goal => ({
  id: g.id,
  projectId: g.projectId,
  statement: g.statement,
  metric: g.metric,
  direction: g.direction,
  baseline: g.baseline,
  target: g.target,
  targetChangePct: g.targetChangePct,
  deadline: g.deadline,
  unit: g.unit,
  createdAt: g.createdAt,
  updatedAt: g.updatedAt,
});

export const presentCriterion = (c: SuccessCriterionRecord): SuccessCriterion => ({
  projectId: c.projectId,
  metric: c.metric,
  metricName: criterionMetricName(c.metric),
  threshold: c.threshold,
  evaluation: c.evaluation,
  evaluationFingerprint: c.evaluationFingerprint,
  valueModel: c.valueModel,
  updatedAt: c.updatedAt,
});

export const presentProjectDetail = (p: ProjectDetailRecord): ProjectDetail => ({
  ...presentProject(p),
  goals: p.goals.map(presentGoal),
  successCriterion: p.successCriterion ? presentCriterion(p.successCriterion) : null,
  next: p.next,
  allowedMoves: p.allowedMoves,
  warnings: p.warnings.map(presentWarning),
});

export const presentStageChange = (s: StageChangeRecord): StageChange => ({
  id: s.id,
  projectId: s.projectId,
  fromStage: s.fromStage,
  toStage: s.toStage,
  note: s.note,
  changedBy: s.changedBy,
  changedAt: s.changedAt,
});

export const presentRisk = (r: RiskRecord): Risk => ({
  id: r.id,
  projectId: r.projectId,
  description: r.description,
  affectedRoles: r.affectedRoles,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  owner: r.owner,
  status: r.status,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentAudit = (a: AuditRecord): AuditEvent => ({ ...a });

export const presentSprint = (s: SprintRecord): Sprint => ({
  id: s.id,
  projectId: s.projectId,
  number: s.number,
  name: s.name,
  goal: s.goal,
  startDate: s.startDate,
  endDate: s.endDate,
  lengthDays: sprintLengthDays(s.startDate, s.endDate),
  state: s.state,
  startedAt: s.startedAt,
  closedAt: s.closedAt,
  closedOn: closedOnDay(s),
  storyCounts: s.storyCounts,
  external: s.external,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const presentStory = (s: StoryRecord): Story => ({
  id: s.id,
  projectId: s.projectId,
  sprintId: s.sprintId,
  title: s.title,
  deliverable: s.deliverable,
  assignee: s.assignee,
  status: s.status,
  points: s.points,
  position: s.position,
  addedAfterStart: s.addedAfterStart,
  outcome: s.outcome,
  carriedFromId: s.carriedFromId,
  carriedToId: s.carriedToId,
  correction: s.correction,
  external: s.external,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const presentWarning = (w: StoredWarning): DeliveryWarningView => ({
  id: w.id,
  rule: w.rule as DeliveryWarningView['rule'],
  message: w.message,
  details: w.details,
  since: w.firstSeenAt,
});
