/**
 * Row shapes as the database holds them. They never leave this package: repositories
 * map them to records. Instants are ISO-8601 UTC text and days YYYY-MM-DD text on both
 * databases, so ordering and comparison behave the same; booleans are 0/1 integers.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  /** Set at every successful sign-in. */
  last_sign_in_at: string | null;
  /** Set while a workspace admin has deactivated the account; null when active. */
  deactivated_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak sessions. */
  id_hash: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** A one-time link to join a team; only the SHA-256 of its secret is kept. */
export interface InvitationsTable {
  id: string;
  team_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
}

/** A read-only link to one project's sponsor view; only the SHA-256 of its secret is kept. */
export interface SponsorLinksTable {
  id: string;
  project_id: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  kind: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  user_id: string;
  project_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ProjectsTable {
  id: string;
  team_id: string;
  name: string;
  stage: string;
  scope_json: string;
  archived_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface GoalsTable {
  id: string;
  project_id: string;
  statement: string;
  metric: string;
  direction: string;
  baseline: number;
  target: number;
  target_change_pct: number | null;
  deadline: string;
  unit: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuccessCriteriaTable {
  project_id: string;
  metric_kind: string;
  metric_n: number | null;
  metric_name: string | null;
  metric_direction: string;
  threshold: number;
  train_window: string;
  train_size: string | null;
  test_window: string;
  step: string;
  horizon: string | null;
  evaluation_fingerprint: string;
  cost_missed: number | null;
  cost_intervention: number | null;
  currency: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface StageChangesTable {
  id: string;
  project_id: string;
  from_stage: string | null;
  to_stage: string;
  note: string;
  changed_by: string | null;
  changed_at: string;
}

export interface RisksTable {
  id: string;
  project_id: string;
  description: string;
  affected_roles_json: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  owner: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  action: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  team_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details_json: string;
  /** The project the event is about, when it is about one (from 2026-12-04-0015). */
  project_id: string | null;
}

export interface LoginFailuresTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface SprintsTable {
  id: string;
  project_id: string;
  number: number;
  name: string;
  goal: string;
  start_date: string;
  end_date: string;
  state: string;
  started_at: string | null;
  started_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  external_source: string | null;
  external_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoriesTable {
  id: string;
  project_id: string;
  sprint_id: string;
  title: string;
  deliverable_type: string;
  deliverable_description: string;
  assignee_id: string | null;
  status: string;
  points: number | null;
  position: number;
  added_after_start: number;
  outcome: string | null;
  carried_from_id: string | null;
  corrected_at: string | null;
  corrected_by: string | null;
  correction_reason: string | null;
  external_source: string | null;
  external_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryWarningsTable {
  id: string;
  project_id: string;
  rule: string;
  subject_key: string;
  message: string;
  details_json: string;
  first_seen_at: string;
  last_seen_at: string;
  cleared_at: string | null;
}

export interface RunsTable {
  id: string;
  project_id: string;
  sprint_id: string | null;
  provenance: string;
  metrics: string;
  params: string;
  commit_sha: string;
  branch: string | null;
  dataset_version: string | null;
  evaluation_fingerprint: string | null;
  evaluation_strategy: string | null;
  started_at: string | null;
  finished_at: string | null;
  ci_provider: string | null;
  ci_job_id: string | null;
  ci_job_url: string | null;
  token_id: string | null;
  posted_by: string | null;
  created_at: string;
  /** Which sprint it joined and why (null for runs stored before the note existed). */
  sprint_note: string | null;
}

export interface BaselinesTable {
  id: string;
  project_id: string;
  run_id: string;
  metric_name: string;
  value: number;
  evaluation_fingerprint: string | null;
  reason: string;
  sprint_id: string | null;
  created_at: string;
}

export interface SprintDecisionsTable {
  id: string;
  sprint_id: string;
  project_id: string;
  decision: string;
  rationale: string;
  decided_by: string | null;
  stage_from: string | null;
  stage_to: string | null;
  created_at: string;
  /** Set when the decision was taken on a closed sprint: the `taken_at` of its record. */
  record_taken_at: string | null;
}

/** A measurement of a business goal's own metric. */
export interface GoalMeasurementsTable {
  id: string;
  goal_id: string;
  project_id: string;
  value: number;
  measured_at: string;
  source: string;
  note: string | null;
  provenance: string;
  posted_by: string | null;
  token_id: string | null;
  created_at: string;
}

/** A closed sprint's review and report as they were at the close (JSON text). */
export interface SprintRecordsTable {
  sprint_id: string;
  project_id: string;
  review_json: string;
  report_json: string;
  taken_at: string;
  taken_by: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
  expires_at: string;
}

export interface BacklogItemsTable {
  id: string;
  project_id: string;
  observation: string;
  proposed_change: string;
  /** S, M or L; null when the effort is given in days. */
  effort_size: string | null;
  /** Days (0.5..365); null when the effort is given as a size. */
  effort_days: number | null;
  expected_impact: string;
  status: string;
  run_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  status_changed_at: string;
}

export interface ArtifactsTable {
  id: string;
  project_id: string;
  name: string;
  /** dataset, tool, framework, model, feature_pipeline, template or other. */
  kind: string;
  description: string;
  /** An http(s) URL, or null. */
  link: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ArtifactReusesTable {
  id: string;
  artifact_id: string;
  /** The reusing project (never the producing one). */
  project_id: string;
  purpose: string;
  reused_by: string | null;
  reused_at: string;
}

export interface DeploymentsTable {
  id: string;
  project_id: string;
  version: string;
  environment: string;
  /** succeeded, failed or rolled_back. */
  status: string;
  commit_sha: string | null;
  started_at: string | null;
  finished_at: string;
  run_id: string | null;
  provenance: string;
  ci_provider: string | null;
  ci_job_id: string | null;
  ci_job_url: string | null;
  token_id: string | null;
  posted_by: string | null;
  created_at: string;
}

export interface InsightsTable {
  id: string;
  project_id: string;
  title: string;
  description: string;
  business_area: string;
  status: string;
  /** Major units, 2 decimals; null with `currency` when no value was given. */
  estimated_value: number | null;
  currency: string | null;
  /** Days, YYYY-MM-DD. */
  proposed_at: string;
  accepted_at: string | null;
  implemented_at: string | null;
  rejected_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LedgerEntriesTable {
  id: string;
  project_id: string;
  kind: string;
  category: string;
  /** Major units, 2 decimals, > 0. */
  amount: number;
  /** Set for people costs given as days × rate. */
  people_days: number | null;
  day_rate: number | null;
  currency: string;
  status: string;
  /** YYYY-MM-DD. */
  date: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PredictionsTable {
  project_id: string;
  entity: string;
  /** The day the prediction is for, YYYY-MM-DD. */
  period: string;
  model_version: string;
  score: number | null;
  class: string | null;
  created_at: string;
}

export interface OperatorDecisionsTable {
  project_id: string;
  entity: string;
  period: string;
  /** '' when the decision names no model version. */
  model_version: string;
  acted: number;
  reason: string | null;
  decided_by: string | null;
  created_at: string;
}

export interface OutcomesTable {
  project_id: string;
  entity: string;
  time: string;
  event: string;
  created_at: string;
}

/** An event a write recorded in its own transaction; its payload is the JSON sent out. */
export interface NotificationEventsTable {
  id: string;
  type: string;
  version: number;
  project_id: string | null;
  payload: string;
  created_at: string;
}

/** A webhook, Slack or Teams endpoint of one project, or of the workspace (project_id null). */
export interface NotificationEndpointsTable {
  id: string;
  project_id: string | null;
  kind: string;
  name: string;
  url: string;
  /** JSON array of event types; empty means every event. */
  events: string;
  /** Signs deliveries; shown once, at creation. */
  secret: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  failing_since: string | null;
  last_success_at: string | null;
}

/** A person's email notifications for one project. */
export interface NotificationSubscriptionsTable {
  id: string;
  user_id: string;
  project_id: string;
  /** JSON array of event types; empty means every event. */
  events: string;
  mode: string;
  weekly_digest: number;
  created_at: string;
  updated_at: string;
}

/** One destination's copy of one event (or digest), with its attempts. */
export interface NotificationDeliveriesTable {
  id: string;
  endpoint_id: string | null;
  user_id: string | null;
  channel: string;
  event_id: string | null;
  dedupe_key: string;
  subject: string | null;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** A one-click unsubscribe link, stored as the SHA-256 of its secret. */
export interface NotificationUnsubscribesTable {
  token_hash: string;
  user_id: string;
  project_id: string | null;
  /** What the link stops: `events` (the project's event emails) or `weekly` (its digest). */
  kind: string;
  created_at: string;
  used_at: string | null;
}

/** The SQLite worker's jobs (PostgreSQL keeps its jobs in graphile-worker's schema). */
export interface JobQueueTable {
  id: string;
  task: string;
  payload: string;
  run_at: string;
  attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  job_key: string | null;
  created_at: string;
  /** Lower runs first (graphile-worker's rule); 0 by default. */
  priority: number;
}

/** A recurring job's next instant; moved forward by compare-and-set, so it fires once. */
export interface SchedulesTable {
  name: string;
  next_at: string;
  last_fired_at: string | null;
  last_fired_by: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  sponsor_links: SponsorLinksTable;
  projects: ProjectsTable;
  goals: GoalsTable;
  success_criteria: SuccessCriteriaTable;
  stage_changes: StageChangesTable;
  risks: RisksTable;
  audit_events: AuditEventsTable;
  login_failures: LoginFailuresTable;
  sprints: SprintsTable;
  stories: StoriesTable;
  delivery_warnings: DeliveryWarningsTable;
  runs: RunsTable;
  baselines: BaselinesTable;
  sprint_decisions: SprintDecisionsTable;
  sprint_records: SprintRecordsTable;
  goal_measurements: GoalMeasurementsTable;
  idempotency_keys: IdempotencyKeysTable;
  backlog_items: BacklogItemsTable;
  deployments: DeploymentsTable;
  artifacts: ArtifactsTable;
  artifact_reuses: ArtifactReusesTable;
  insights: InsightsTable;
  ledger_entries: LedgerEntriesTable;
  predictions: PredictionsTable;
  operator_decisions: OperatorDecisionsTable;
  outcomes: OutcomesTable;
  notification_events: NotificationEventsTable;
  notification_endpoints: NotificationEndpointsTable;
  notification_subscriptions: NotificationSubscriptionsTable;
  notification_deliveries: NotificationDeliveriesTable;
  notification_unsubscribes: NotificationUnsubscribesTable;
  job_queue: JobQueueTable;
  schedules: SchedulesTable;
}
