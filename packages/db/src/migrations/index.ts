import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-23-0001-foundation.js';
import * as sprints from './2026-11-23-0002-sprints.js';
import * as runs from './2026-11-23-0003-runs.js';
import * as backlog from './2026-11-23-0004-backlog.js';
import * as deployments from './2026-11-23-0005-deployments.js';
import * as artifacts from './2026-11-23-0006-artifacts.js';
import * as insightsLedger from './2026-11-23-0007-insights-ledger.js';
import * as portfolioIndexes from './2026-11-23-0008-portfolio-indexes.js';
import * as productionFeedback from './2026-11-23-0009-production-feedback.js';
import * as openAlertsByRule from './2026-11-24-0010-open-alerts-by-rule.js';
import * as sprintRecords from './2026-12-03-0011-sprint-records.js';
import * as goalMeasurements from './2026-12-03-0012-goal-measurements.js';
import * as invitations from './2026-12-04-0013-invitations.js';
import * as userStatus from './2026-12-04-0014-user-status.js';
import * as auditFilters from './2026-12-04-0015-audit-filters.js';
import * as operatorRole from './2026-12-04-0016-operator-role.js';
import * as sponsorLinks from './2026-12-04-0017-sponsor-links.js';
import * as notifications from './2026-12-05-0018-notifications.js';
import * as jobPriority from './2026-12-05-0019-job-priority.js';
import * as deliveries from './2026-12-05-0020-deliveries.js';

/**
 * Append-only list, in order. Never edit or remove an entry once it has landed on main:
 * add a new file and a new line instead. The same list runs on SQLite and PostgreSQL.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-foundation': foundation,
  '2026-11-23-0002-sprints': sprints,
  '2026-11-23-0003-runs': runs,
  '2026-11-23-0004-backlog': backlog,
  '2026-11-23-0005-deployments': deployments,
  '2026-11-23-0006-artifacts': artifacts,
  '2026-11-23-0007-insights-ledger': insightsLedger,
  '2026-11-23-0008-portfolio-indexes': portfolioIndexes,
  '2026-11-23-0009-production-feedback': productionFeedback,
  '2026-11-24-0010-open-alerts-by-rule': openAlertsByRule,
  '2026-12-03-0011-sprint-records': sprintRecords,
  '2026-12-03-0012-goal-measurements': goalMeasurements,
  '2026-12-04-0013-invitations': invitations,
  '2026-12-04-0014-user-status': userStatus,
  '2026-12-04-0015-audit-filters': auditFilters,
  '2026-12-04-0016-operator-role': operatorRole,
  '2026-12-04-0017-sponsor-links': sponsorLinks,
  '2026-12-05-0018-notifications': notifications,
  '2026-12-05-0019-job-priority': jobPriority,
  '2026-12-05-0020-deliveries': deliveries,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
