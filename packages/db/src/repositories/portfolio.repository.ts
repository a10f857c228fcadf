import type { InsightStatus, LedgerKind, LedgerStatus, Scope, Stage } from '@sextant/core';
import type { Executor } from './executor.js';
import { toGoal, type GoalRecord } from './goals.repository.js';
import { toStoredWarning, type StoredWarning } from './delivery-warnings.repository.js';

/** A project as the portfolio lists it: no more than its rows, filters and alert rules read. */
export interface PortfolioProjectRecord {
  id: string;
  teamId: string;
  teamName: string;
  name: string;
  stage: Stage;
  /**
   * Only the named users (the no-named-user rule) and today's process's figure (the money a
   * page's row shows against it): nothing else of the scope.
   */
  scope: Pick<Scope, 'users' | 'currentMetric'>;
  createdAt: string;
}

/** A move into a stage (not the project's creation), oldest first per project. */
export interface StageMoveRow {
  projectId: string;
  toStage: Stage;
  changedAt: string;
}

export interface InsightStatusRow {
  projectId: string;
  status: InsightStatus;
  acceptedAt: string | null;
  implementedAt: string | null;
}

export interface LedgerAmountRow {
  projectId: string;
  kind: LedgerKind;
  status: LedgerStatus;
  amount: number;
  currency: string;
  date: string;
}

function scopeOfRow(json: string): PortfolioProjectRecord['scope'] {
  const scope = JSON.parse(json) as Partial<Scope>;
  return { users: scope.users ?? [], currentMetric: scope.currentMetric ?? null };
}

/**
 * What the portfolio reads about every project a person may see, each a single query over
 * "the unarchived projects of the person's teams" as a subquery (never a list of their ids,
 * which made every query bind a thousand parameters), with only the columns it uses.
 */
export class PortfolioRepository {
  constructor(private readonly db: Executor) {}

  /** The projects `userId` may see: their teams' unarchived projects. */
  private visibleProjects(userId: string) {
    return (
      this.db
        .selectFrom('projects')
        .innerJoin('team_members', (join) =>
          join
            .onRef('team_members.team_id', '=', 'projects.team_id')
            .on('team_members.user_id', '=', userId),
        )
        // An operator sees a team's production pages only, not its projects' figures.
        .where('team_members.role', '<>', 'operator')
        .where('projects.archived_at', 'is', null)
    );
  }

  /** Their ids, as a subquery. */
  private visible(userId: string) {
    return this.visibleProjects(userId).select('projects.id');
  }

  /** Every unarchived project of the person's teams, in no order. */
  async projects(userId: string): Promise<PortfolioProjectRecord[]> {
    // The team names come apart: a person is in few teams, and the join cost per project.
    const [rows, teams] = await Promise.all([
      this.visibleProjects(userId)
        .select([
          'projects.id',
          'projects.team_id',
          'projects.name',
          'projects.stage',
          'projects.scope_json',
          'projects.created_at',
        ])
        .execute(),
      this.db
        .selectFrom('teams')
        .innerJoin('team_members', 'team_members.team_id', 'teams.id')
        .select(['teams.id', 'teams.name'])
        .where('team_members.user_id', '=', userId)
        .where('team_members.role', '<>', 'operator')
        .execute(),
    ]);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    return rows.map((row) => ({
      id: row.id,
      teamId: row.team_id,
      teamName: teamName.get(row.team_id) ?? '',
      name: row.name,
      stage: row.stage as Stage,
      scope: scopeOfRow(row.scope_json),
      createdAt: row.created_at,
    }));
  }

  /**
   * Every stage move, oldest first per project. The entry each project gets at its creation
   * (from no stage into scoping, written with the project at its `createdAt`) is left out: the
   * rules fall back to `createdAt` without it, and it is most of the rows.
   */
  async stageMoves(userId: string): Promise<StageMoveRow[]> {
    const rows = await this.db
      .selectFrom('stage_changes')
      .select(['project_id', 'to_stage', 'changed_at'])
      .where('project_id', 'in', this.visible(userId))
      .where((eb) => eb.or([eb('from_stage', 'is not', null), eb('to_stage', '<>', 'scoping')]))
      .orderBy('project_id')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      projectId: r.project_id,
      toStage: r.to_stage as Stage,
      changedAt: r.changed_at,
    }));
  }

  /** Every goal, oldest first per project. */
  async goals(userId: string): Promise<GoalRecord[]> {
    const rows = await this.db
      .selectFrom('goals')
      .selectAll()
      .where('project_id', 'in', this.visible(userId))
      .orderBy('project_id')
      .orderBy('id')
      .execute();
    return rows.map(toGoal);
  }

  /** Every measurement of the visible projects' goals, by goal and time (for the goal pace rule). */
  async goalMeasurements(
    userId: string,
  ): Promise<{ goalId: string; value: number; measuredAt: string }[]> {
    const rows = await this.db
      .selectFrom('goal_measurements')
      .select(['goal_id', 'value', 'measured_at'])
      .where(
        'goal_id',
        'in',
        this.db.selectFrom('goals').select('id').where('project_id', 'in', this.visible(userId)),
      )
      .orderBy('goal_id')
      .orderBy('measured_at')
      .execute();
    return rows.map((r) => ({
      goalId: r.goal_id,
      value: Number(r.value),
      measuredAt: r.measured_at,
    }));
  }

  /** The projects that have a baseline (for the no-CI-baseline rule). */
  async withBaseline(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('baselines')
      .select('project_id')
      .distinct()
      .where('project_id', 'in', this.visible(userId))
      .execute();
    return new Set(rows.map((r) => r.project_id));
  }

  /** Closed sprints per project (projects without any are left out). */
  async closedSprints(userId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('sprints')
      .select((eb) => ['project_id', eb.fn.countAll<number | string>().as('n')])
      .where('project_id', 'in', this.visible(userId))
      .where('state', '=', 'closed')
      .groupBy('project_id')
      .execute();
    return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
  }

  /** Per project in production: when its last successful production deployment finished. */
  async lastProductionSuccess(userId: string): Promise<Map<string, string>> {
    // One index seek per project (the max of an index range); a GROUP BY would read them all.
    const rows = await this.visibleProjects(userId)
      .select((eb) => [
        'projects.id',
        eb
          .selectFrom('deployments')
          .select((d) => d.fn.max('deployments.finished_at').as('last'))
          .whereRef('deployments.project_id', '=', 'projects.id')
          .where('deployments.environment', '=', 'production')
          .where('deployments.status', '=', 'succeeded')
          .as('last'),
      ])
      .where('projects.stage', '=', 'production')
      .execute();
    const last = new Map<string, string>();
    for (const r of rows) if (r.last !== null) last.set(r.id, String(r.last));
    return last;
  }

  /** Every insight's status and days, oldest first per project. */
  async insights(userId: string): Promise<InsightStatusRow[]> {
    const rows = await this.db
      .selectFrom('insights')
      .select(['project_id', 'status', 'accepted_at', 'implemented_at'])
      .where('project_id', 'in', this.visible(userId))
      .orderBy('project_id')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      projectId: r.project_id,
      status: r.status as InsightStatus,
      acceptedAt: r.accepted_at,
      implementedAt: r.implemented_at,
    }));
  }

  /** Every ledger entry's money and day, by day per project. */
  async ledger(userId: string): Promise<LedgerAmountRow[]> {
    const rows = await this.db
      .selectFrom('ledger_entries')
      .select(['project_id', 'kind', 'status', 'amount', 'currency', 'date'])
      .where('project_id', 'in', this.visible(userId))
      .orderBy('project_id')
      .orderBy('date')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      projectId: r.project_id,
      kind: r.kind as LedgerKind,
      status: r.status as LedgerStatus,
      amount: Number(r.amount),
      currency: r.currency,
      date: r.date,
    }));
  }

  /** The open alerts of these rules, oldest first. */
  async openWarnings(userId: string, rules: readonly string[]): Promise<StoredWarning[]> {
    const rows = await this.db
      .selectFrom('delivery_warnings')
      .selectAll()
      .where('project_id', 'in', this.visible(userId))
      .where('rule', 'in', rules)
      .where('cleared_at', 'is', null)
      .orderBy('first_seen_at')
      .orderBy('id')
      .execute();
    return rows.map(toStoredWarning);
  }
}
