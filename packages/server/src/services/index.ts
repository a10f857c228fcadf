import type { ServiceDeps } from './deps.js';
import { AuditService } from './audit.service.js';
import { AuthService } from './auth.service.js';
import { GoalService } from './goals.service.js';
import { ProjectService } from './projects.service.js';
import { RiskService } from './risks.service.js';
import { StageService } from './stage.service.js';
import { SuccessCriterionService } from './success-criterion.service.js';
import { TeamService } from './teams.service.js';
import { TokenService } from './tokens.service.js';
import { InvitationService } from './invitations.service.js';
import { SponsorLinkService } from './sponsor-links.service.js';
import { UserService } from './users.service.js';
import { DeliveryService } from './delivery.service.js';
import { SprintService } from './sprints.service.js';
import { StoryService } from './stories.service.js';
import { JiraImportService } from './jira-import.service.js';
import { BacklogService } from './backlog.service.js';
import { DeploymentService } from './deployments.service.js';
import { ArtifactService } from './artifacts.service.js';
import { InsightService } from './insights.service.js';
import { LedgerService } from './ledger.service.js';
import { RunService } from './runs.service.js';
import { ReviewService } from './review.service.js';
import { ReportService } from './reports.service.js';
import { ProjectKpiService } from './project-kpis.service.js';
import { PortfolioService } from './portfolio.service.js';
import { OperatorListService } from './operator-list.service.js';
import { ProductionService } from './production.service.js';
import { NotificationService, type NotificationSettings } from './notifications.service.js';
import { noInvitationMail, queuedInvitationMail } from './invitation-mail.js';

export interface Services {
  audit: AuditService;
  auth: AuthService;
  users: UserService;
  teams: TeamService;
  tokens: TokenService;
  invitations: InvitationService;
  sponsorLinks: SponsorLinkService;
  projects: ProjectService;
  goals: GoalService;
  criteria: SuccessCriterionService;
  stages: StageService;
  risks: RiskService;
  sprints: SprintService;
  stories: StoryService;
  delivery: DeliveryService;
  jiraImport: JiraImportService;
  backlog: BacklogService;
  deployments: DeploymentService;
  artifacts: ArtifactService;
  insights: InsightService;
  ledger: LedgerService;
  runs: RunService;
  reviews: ReviewService;
  reports: ReportService;
  projectKpis: ProjectKpiService;
  portfolio: PortfolioService;
  production: ProductionService;
  operatorList: OperatorListService;
  notifications: NotificationService;
}

/** Settings some services read, given by the app (tests set them per app). */
export interface ServiceSettings {
  notifications?: Partial<NotificationSettings>;
  /** Mail invitations (SMTP is configured): queued in the invitation's own transaction. */
  mailInvitations?: boolean;
}

/**
 * The one place services are made: each receives the services it uses through its
 * constructor, so they are built here in dependency order.
 */
export function createServices(deps: ServiceDeps, settings: ServiceSettings = {}): Services {
  const backlog = new BacklogService(deps);
  const delivery = new DeliveryService(deps);
  const deployments = new DeploymentService(deps);
  const artifacts = new ArtifactService(deps);
  const insights = new InsightService(deps);
  const ledger = new LedgerService(deps);
  const auth = new AuthService(deps);
  const goals = new GoalService(deps);
  const risks = new RiskService(deps);
  const reviews = new ReviewService(deps);
  const reports = new ReportService(deps);
  return {
    audit: new AuditService(deps),
    auth,
    users: new UserService(deps, auth),
    teams: new TeamService(deps),
    tokens: new TokenService(deps),
    invitations: new InvitationService(
      deps,
      auth,
      settings.mailInvitations ? queuedInvitationMail(() => deps.clock.now()) : noInvitationMail,
    ),
    projects: new ProjectService(deps),
    goals,
    criteria: new SuccessCriterionService(deps),
    stages: new StageService(deps),
    risks,
    sprints: new SprintService(deps),
    stories: new StoryService(deps),
    delivery,
    jiraImport: new JiraImportService(deps),
    backlog,
    deployments,
    artifacts,
    insights,
    ledger,
    runs: new RunService(deps),
    reviews,
    reports,
    sponsorLinks: new SponsorLinkService(deps, { goals, reviews, ledger, risks, reports }),
    projectKpis: new ProjectKpiService(deps, {
      delivery,
      deployments,
      artifacts,
      insights,
      ledger,
    }),
    portfolio: new PortfolioService(deps),
    production: new ProductionService(deps, backlog),
    operatorList: new OperatorListService(deps),
    notifications: new NotificationService(deps, settings.notifications),
  };
}

export type { ServiceDeps } from './deps.js';
