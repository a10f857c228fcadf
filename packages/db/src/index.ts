export * from './connect.js';
export * from './migrate.js';
export * from './store.js';
export { openJobQueuePool } from './job-pool.js';
export { newId } from './ids.js';
export {
  isDatabaseUnavailable,
  isReferenceViolation,
  isStorageFull,
  isUniqueViolation,
} from './driver-errors.js';
export { applySqlitePragmas, SQLITE_BUSY_TIMEOUT_MS } from './dialects/sqlite.js';
export type { PageRequest, PageResult } from './repositories/executor.js';
export type {
  PeopleSort as PeopleSortKey,
  UserRecord,
  UserCredentials,
  UserTeamRecord,
} from './repositories/users.repository.js';
export type { SessionRecord } from './repositories/sessions.repository.js';
export type { TeamRecord, TeamWithRole, MemberRecord } from './repositories/teams.repository.js';
export type { TokenRecord, TokenKind } from './repositories/tokens.repository.js';
export type { InvitationRecord } from './repositories/invitations.repository.js';
export type { SponsorLinkRecord } from './repositories/sponsor-links.repository.js';
export type {
  ProjectRecord,
  ProjectWithRole,
  ProjectFilter,
} from './repositories/projects.repository.js';
export type { GoalRecord } from './repositories/goals.repository.js';
export type {
  SuccessCriterionRecord,
  CriterionMetric,
} from './repositories/success-criteria.repository.js';
export type { StageChangeRecord } from './repositories/stage-changes.repository.js';
export type { RiskRecord, RiskFields } from './repositories/risks.repository.js';
export type {
  AuditEntry,
  AuditFilter,
  AuditRecord,
  AuditRow,
} from './repositories/audit.repository.js';
export type { SprintRecord, ExternalRef } from './repositories/sprints.repository.js';
export type { Owner, OwnedTable } from './repositories/owners.repository.js';
export type { StoryRecord, StoryFields, PersonRef } from './repositories/stories.repository.js';
export type { StoredWarning } from './repositories/delivery-warnings.repository.js';
export type {
  CiScoreRecord,
  RunRecord,
  NewRun,
  RunFilter,
  ParamValue,
} from './repositories/runs.repository.js';
export type { BaselineRecord, BaselineReason } from './repositories/baselines.repository.js';
export type { DecisionRecord } from './repositories/decisions.repository.js';
export type { SprintRecordRow } from './repositories/sprint-records.repository.js';
export type { GoalMeasurementRecord } from './repositories/goal-measurements.repository.js';
export type { StoredAnswer } from './repositories/idempotency.repository.js';
export type { BacklogItemRecord, BacklogItemFields } from './repositories/backlog.repository.js';
export type {
  InsightRecord,
  InsightFields,
  InsightFilter,
} from './repositories/insights.repository.js';
export type { LedgerEntryRecord, LedgerEntryFields } from './repositories/ledger.repository.js';
export type {
  PredictionRow,
  OperatorDecisionRow,
  OutcomeRow,
  FeedbackUpsert,
} from './repositories/feedback.repository.js';
export { CopyKeyConflict } from './repositories/feedback-copy.js';
export type {
  DeploymentRecord,
  DeploymentFilter,
  NewDeployment,
  RunStartRow,
} from './repositories/deployments.repository.js';
export type {
  ArtifactRecord,
  ArtifactReuseRecord,
  ArtifactFilter,
  ArtifactFactRow,
  ReuseFactRow,
} from './repositories/artifacts.repository.js';
export type {
  PortfolioProjectRecord,
  StageMoveRow,
  InsightStatusRow,
  LedgerAmountRow,
} from './repositories/portfolio.repository.js';
export { MIGRATIONS } from './migrations/index.js';
export type { EnqueueOptions, ClaimedJob, QueuedJobRow } from './repositories/jobs.repository.js';
export { JOB_MAX_ATTEMPTS } from './repositories/jobs.repository.js';
export type { ScheduleRecord } from './repositories/schedules.repository.js';
export { FANOUT_TASK } from './repositories/notification-events.repository.js';
export type { NotificationEventRecord } from './repositories/notification-events.repository.js';
export type {
  NotificationEndpointRecord,
  EndpointKind,
} from './repositories/notification-endpoints.repository.js';
export type {
  NotificationSubscriptionRecord,
  SubscriptionMode,
} from './repositories/notification-subscriptions.repository.js';
export type {
  NotificationDeliveryRecord,
  DeliveryChannel,
  DeliveryStatus,
  DeliveryAttempt,
} from './repositories/notification-deliveries.repository.js';
export type {
  UnsubscribeRecord,
  UnsubscribeKind,
} from './repositories/notification-unsubscribes.repository.js';
export type { DeliveryLogRecord } from './repositories/notification-delivery-log.repository.js';
