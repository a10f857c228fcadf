import {
  AppError,
  allowedInsightMoves,
  computeInsightKpis,
  isAllowedInsightMove,
  lastMoveDay,
  notFound,
  stampInsightMove,
  utcDay,
  type CreateInsightBody,
  type InsightKpis,
  type InsightListQuery,
  type UpdateInsightBody,
  INSIGHT_MOVE_RULE,
  type Insight,
  type InsightPage,
} from '@sextant/core';
import type { InsightFields, InsightRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentInsight } from '../presenters/insights.js';
import { presentPage } from '../presenters/page.js';
import type { ServiceDeps } from './deps.js';
import { ProjectReads } from './project-reads.js';
import { loadWritableProject } from './project-guards.js';

async function loadInsight(repos: Repositories, insightId: string): Promise<InsightRecord> {
  const insight = await repos.insights.findById(insightId);
  if (!insight) throw notFound('Insight');
  return insight;
}

/** A day a person gives for something that already happened: not after today. */
function assertNotFuture(field: string, day: string, today: string): void {
  if (day > today) {
    throw new AppError('rule_violation', `${field}: ${day} is in the future (today is ${today}).`, {
      field,
      [field]: day,
      today,
    });
  }
}

/** KPI 5: actionable business recommendations and their moves. */
export class InsightService {
  constructor(private readonly deps: ServiceDeps) {}

  /** A page of insights, newest first, with the KPIs and the rule for moving one. */
  async list(projectId: string, query: InsightListQuery): Promise<InsightPage> {
    const page = await this.deps.store.repos.insights.list(
      projectId,
      { status: query.status, area: query.area },
      { limit: query.limit, cursor: query.cursor },
    );
    return {
      ...presentPage(page, presentInsight),
      kpis: await this.kpis(projectId),
      moveRule: INSIGHT_MOVE_RULE,
    };
  }

  /** The project's insight KPIs per month and quarter as of `now` (the core rules). */
  async kpis(
    projectId: string,
    now: Date = this.deps.clock.now(),
    reads = new ProjectReads(this.deps.store.repos, projectId),
  ): Promise<InsightKpis> {
    const insights = await reads.insights();
    return computeInsightKpis(insights, utcDay(now));
  }

  async create(projectId: string, body: CreateInsightBody, actor: Actor): Promise<Insight> {
    const { store, clock } = this.deps;
    const today = utcDay(clock.now());
    const proposedAt = body.proposedAt ?? today;
    assertNotFuture('proposedAt', proposedAt, today);
    const insight = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      const id = await repos.insights.insert({
        projectId,
        fields: {
          title: body.title,
          description: body.description,
          businessArea: body.businessArea,
          status: 'proposed',
          estimatedValue: body.estimatedValue,
          proposedAt,
          acceptedAt: null,
          implementedAt: null,
          rejectedAt: null,
        },
        createdBy: actor.userId,
        now,
      });
      await repos.projects.touch(projectId, now);
      return loadInsight(repos, id);
    });
    return presentInsight(insight);
  }

  /** Edits the text and value; a new `status` is a move, checked and stamped with its day. */
  async update(insightId: string, patch: UpdateInsightBody): Promise<Insight> {
    const { store, clock } = this.deps;
    const today = utcDay(clock.now());
    const insight = await store.transaction(async (repos) => {
      const { projectId } = await loadInsight(repos, insightId);
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      // Touching the project first takes its row lock (PostgreSQL), so two concurrent moves
      // of one insight are checked one after the other against the status each one sees.
      await repos.projects.touch(projectId, now);
      const insight = await loadInsight(repos, insightId);
      let fields: InsightFields = {
        ...insight,
        title: patch.title ?? insight.title,
        description: patch.description ?? insight.description,
        businessArea: patch.businessArea ?? insight.businessArea,
        estimatedValue:
          patch.estimatedValue !== undefined ? patch.estimatedValue : insight.estimatedValue,
      };
      const to = patch.status;
      if (to !== undefined && to !== insight.status) {
        if (!isAllowedInsightMove(insight.status, to)) {
          const allowed = allowedInsightMoves(insight.status);
          throw new AppError(
            'rule_violation',
            `status: an insight cannot move from ${insight.status} to ${to}; ` +
              (allowed.length > 0
                ? `from ${insight.status} it may move to ${allowed.join(' or ')}.`
                : `${insight.status} is final.`),
            { field: 'status', from: insight.status, to, allowedMoves: allowed },
          );
        }
        const day = patch.date ?? today;
        assertNotFuture('date', day, today);
        const previous = lastMoveDay(insight.status, insight);
        if (day < previous) {
          throw new AppError(
            'rule_violation',
            `date: ${day} is before the insight became ${insight.status} (${previous}).`,
            { field: 'date', date: day, previous },
          );
        }
        fields = { ...fields, ...stampInsightMove(fields, to, day), status: to };
      } else if (patch.date !== undefined) {
        throw new AppError(
          'rule_violation',
          `date: the insight is already ${insight.status}; a date goes with a move.`,
          { field: 'date' },
        );
      }
      await repos.insights.update(insightId, fields, now);
      return loadInsight(repos, insightId);
    });
    return presentInsight(insight);
  }
}
