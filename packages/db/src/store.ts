import type { Connection, DatabaseKind } from './connect.js';
import type { Executor } from './repositories/executor.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { GoalRepository } from './repositories/goals.repository.js';
import { LoginFailureRepository } from './repositories/login-failures.repository.js';
import { ProjectRepository } from './repositories/projects.repository.js';
import { RiskRepository } from './repositories/risks.repository.js';
import { SessionRepository } from './repositories/sessions.repository.js';
import { StageChangeRepository } from './repositories/stage-changes.repository.js';
import { SuccessCriterionRepository } from './repositories/success-criteria.repository.js';
import { TeamRepository } from './repositories/teams.repository.js';
import { TokenRepository } from './repositories/tokens.repository.js';
import { InvitationRepository } from './repositories/invitations.repository.js';
import { SponsorLinkRepository } from './repositories/sponsor-links.repository.js';
import { UserRepository } from './repositories/users.repository.js';
import { SprintRepository } from './repositories/sprints.repository.js';
import { StoryRepository } from './repositories/stories.repository.js';
import { DeliveryWarningRepository } from './repositories/delivery-warnings.repository.js';
import { RunRepository } from './repositories/runs.repository.js';
import { BaselineRepository } from './repositories/baselines.repository.js';
import { DecisionRepository } from './repositories/decisions.repository.js';
import { SprintRecordRepository } from './repositories/sprint-records.repository.js';
import { GoalMeasurementRepository } from './repositories/goal-measurements.repository.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';
import { BacklogRepository } from './repositories/backlog.repository.js';
import { OwnerRepository } from './repositories/owners.repository.js';
import { DeploymentRepository } from './repositories/deployments.repository.js';
import { ArtifactRepository } from './repositories/artifacts.repository.js';
import { InsightRepository } from './repositories/insights.repository.js';
import { LedgerRepository } from './repositories/ledger.repository.js';
import { FeedbackRepository } from './repositories/feedback.repository.js';
import { PortfolioRepository } from './repositories/portfolio.repository.js';
import { JobRepository } from './repositories/jobs.repository.js';
import { ScheduleRepository } from './repositories/schedules.repository.js';
import { NotificationEventRepository } from './repositories/notification-events.repository.js';
import { NotificationEndpointRepository } from './repositories/notification-endpoints.repository.js';
import { NotificationSubscriptionRepository } from './repositories/notification-subscriptions.repository.js';
import { NotificationDeliveryRepository } from './repositories/notification-deliveries.repository.js';
import { NotificationUnsubscribeRepository } from './repositories/notification-unsubscribes.repository.js';
import { NotificationDeliveryLogRepository } from './repositories/notification-delivery-log.repository.js';

/** Every repository, bound to one executor (the database or an open transaction). */
export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  teams: TeamRepository;
  tokens: TokenRepository;
  /** One-time links to join a team. */
  invitations: InvitationRepository;
  sponsorLinks: SponsorLinkRepository;
  projects: ProjectRepository;
  goals: GoalRepository;
  goalMeasurements: GoalMeasurementRepository;
  criteria: SuccessCriterionRepository;
  stageChanges: StageChangeRepository;
  risks: RiskRepository;
  audit: AuditRepository;
  loginFailures: LoginFailureRepository;
  sprints: SprintRepository;
  stories: StoryRepository;
  deliveryWarnings: DeliveryWarningRepository;
  runs: RunRepository;
  baselines: BaselineRepository;
  decisions: DecisionRepository;
  /** Closed sprints' records (review and report at the close). */
  sprintRecords: SprintRecordRepository;
  idempotency: IdempotencyRepository;
  backlog: BacklogRepository;
  owners: OwnerRepository;
  deployments: DeploymentRepository;
  artifacts: ArtifactRepository;
  insights: InsightRepository;
  ledger: LedgerRepository;
  feedback: FeedbackRepository;
  /** The portfolio's reads over every project a person may see. */
  portfolio: PortfolioRepository;
  /** Jobs enqueued on the executor (graphile-worker on PostgreSQL, `job_queue` on SQLite). */
  jobs: JobRepository;
  /** Recurring jobs, fired once per instant across servers (compare-and-set on next_at). */
  schedules: ScheduleRepository;
  /** Events recorded with the write that caused them, and their fan-out job. */
  notificationEvents: NotificationEventRepository;
  /** Webhook, Slack and Teams endpoints. */
  notificationEndpoints: NotificationEndpointRepository;
  /** People's email notifications per project. */
  notificationSubscriptions: NotificationSubscriptionRepository;
  /** One row per (destination, event or digest period) with its attempts. */
  notificationDeliveries: NotificationDeliveryRepository;
  /** One-click unsubscribe links (hashed). */
  notificationUnsubscribes: NotificationUnsubscribeRepository;
  /** An endpoint's delivery log as the API pages it, with each event's type; test sends. */
  notificationDeliveryLog: NotificationDeliveryLogRepository;
}

export function bindRepositories(db: Executor): Repositories {
  return {
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    teams: new TeamRepository(db),
    tokens: new TokenRepository(db),
    invitations: new InvitationRepository(db),
    sponsorLinks: new SponsorLinkRepository(db),
    projects: new ProjectRepository(db),
    goals: new GoalRepository(db),
    goalMeasurements: new GoalMeasurementRepository(db),
    criteria: new SuccessCriterionRepository(db),
    stageChanges: new StageChangeRepository(db),
    risks: new RiskRepository(db),
    audit: new AuditRepository(db),
    loginFailures: new LoginFailureRepository(db),
    sprints: new SprintRepository(db),
    stories: new StoryRepository(db),
    deliveryWarnings: new DeliveryWarningRepository(db),
    runs: new RunRepository(db),
    baselines: new BaselineRepository(db),
    decisions: new DecisionRepository(db),
    sprintRecords: new SprintRecordRepository(db),
    idempotency: new IdempotencyRepository(db),
    backlog: new BacklogRepository(db),
    owners: new OwnerRepository(db),
    deployments: new DeploymentRepository(db),
    artifacts: new ArtifactRepository(db),
    insights: new InsightRepository(db),
    ledger: new LedgerRepository(db),
    feedback: new FeedbackRepository(db),
    portfolio: new PortfolioRepository(db),
    jobs: new JobRepository(db),
    schedules: new ScheduleRepository(db),
    notificationEvents: new NotificationEventRepository(db),
    notificationEndpoints: new NotificationEndpointRepository(db),
    notificationSubscriptions: new NotificationSubscriptionRepository(db),
    notificationDeliveries: new NotificationDeliveryRepository(db),
    notificationUnsubscribes: new NotificationUnsubscribeRepository(db),
    notificationDeliveryLog: new NotificationDeliveryLogRepository(db),
  };
}

/**
 * What services see of the database: repositories for single statements and
 * `transaction` for anything that writes more than one row (all or nothing).
 */
export class Store {
  readonly repos: Repositories;

  constructor(readonly connection: Connection) {
    this.repos = bindRepositories(connection.db);
  }

  get kind(): DatabaseKind {
    return this.connection.kind;
  }

  private readonly committed = new Set<() => void>();

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    let bound: Repositories | undefined;
    const result = await this.connection.db.transaction().execute((trx) => {
      bound = bindRepositories(trx);
      return work(bound);
    });
    if (bound && bound.jobs.enqueuedCount > 0) {
      for (const listener of this.committed) listener();
    }
    return result;
  }

  /**
   * Calls `listener` after each transaction of this store that enqueued a job commits (the
   * SQLite job runner looks for it at once instead of at its next poll; a transaction that
   * enqueued nothing wakes nobody: the runner's look is itself a write, and woken by every
   * commit it cut bench:ingest's single-run posts from about 3,000 to 2,057 runs/s). Returns
   * the unsubscribe.
   */
  onCommit(listener: () => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }
}
