import {
  AppError,
  BUSINESS_GOAL_RULE,
  businessGoalProgress,
  checkGoalQuantifiable,
  describeGoalProblems,
  notFound,
  type CreateGoalBody,
  type CreateGoalMeasurementBody,
  type Goal,
  type GoalMeasurement,
  type GoalMeasurements,
  type GoalDraft,
  type GoalProblem,
  type UpdateGoalBody,
} from '@sextant/core';
import type { GoalRecord, Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { refreshAlerts } from './alerts.service.js';
import { presentGoal, presentMeasurement } from '../presenters/goals.js';
import type { ServiceDeps } from './deps.js';
import { loadWritableProject } from './project-guards.js';

function notQuantifiable(problems: GoalProblem[]): AppError {
  return new AppError('goal_not_quantifiable', describeGoalProblems(problems), {
    missing: [...new Set(problems.filter((p) => p.code === 'missing').map((p) => p.field))],
    problems,
  });
}

async function loadGoal(repos: Repositories, goalId: string): Promise<GoalRecord> {
  const goal = await repos.goals.findById(goalId);
  if (!goal) throw notFound('Goal');
  return goal;
}

/** A goal's measurements and where they put it (the business goal, not the model metric). */
export async function goalMeasurementsOf(
  repos: Repositories,
  goal: GoalRecord,
): Promise<GoalMeasurements> {
  const items = await repos.goalMeasurements.listForGoal(goal.id);
  return {
    items: items.map(presentMeasurement),
    progress: businessGoalProgress(goal, items),
    rule: BUSINESS_GOAL_RULE,
  };
}

export class GoalService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(projectId: string, body: CreateGoalBody, actor: Actor): Promise<Goal> {
    const { store, clock } = this.deps;
    const checked = checkGoalQuantifiable(body, clock.now());
    if (!checked.ok) throw notQuantifiable(checked.problems);
    const goal = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      await repos.projects.touch(projectId, now);
      return repos.goals.insert({ projectId, goal: checked.goal, createdBy: actor.userId, now });
    });
    return presentGoal(goal);
  }

  /** A patch is merged onto the stored goal and the result must still be quantifiable. */
  async update(projectId: string, goalId: string, patch: UpdateGoalBody): Promise<Goal> {
    const { store, clock } = this.deps;
    const goal = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const current = await repos.goals.findInProject(projectId, goalId);
      if (!current) throw notFound('Goal');
      const draft: GoalDraft = {
        statement: patch.statement ?? current.statement,
        metric: patch.metric !== undefined ? patch.metric : current.metric,
        direction: patch.direction !== undefined ? patch.direction : current.direction,
        baseline: patch.baseline !== undefined ? patch.baseline : current.baseline,
        unit: patch.unit !== undefined ? patch.unit : current.unit,
        deadline: patch.deadline !== undefined ? patch.deadline : current.deadline,
        // A new absolute target replaces a relative one and the other way round.
        ...(patch.target !== undefined || patch.targetChangePct !== undefined
          ? { target: patch.target ?? null, targetChangePct: patch.targetChangePct ?? null }
          : current.targetChangePct !== null
            ? { target: null, targetChangePct: current.targetChangePct }
            : { target: current.target, targetChangePct: null }),
      };
      if (draft.target != null && draft.targetChangePct != null) {
        throw new AppError(
          'invalid_request',
          'targetChangePct: give either target or targetChangePct, not both.',
          {
            fields: [
              {
                field: 'targetChangePct',
                message: 'give either target or targetChangePct, not both',
              },
            ],
          },
        );
      }
      const checked = checkGoalQuantifiable(draft, clock.now());
      if (!checked.ok) throw notQuantifiable(checked.problems);
      const now = iso(clock.now());
      await repos.goals.update(goalId, checked.goal, now);
      await repos.projects.touch(projectId, now);
      return { ...current, ...checked.goal, updatedAt: now };
    });
    return presentGoal(goal);
  }

  async list(projectId: string): Promise<Goal[]> {
    return (await this.deps.store.repos.goals.listForProject(projectId)).map(presentGoal);
  }

  /**
   * Records a measurement of the goal's own metric: `ci` provenance with this project's CI
   * token (the access rule has checked it is this project's), `manual` from a person.
   */
  async addMeasurement(
    goalId: string,
    body: CreateGoalMeasurementBody,
    caller: { actor: Actor; ci: boolean },
  ): Promise<GoalMeasurement> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const goal = await loadGoal(repos, goalId);
      await loadWritableProject(repos, goal.projectId);
      const now = iso(clock.now());
      const measuredAt = new Date(body.measuredAt).toISOString();
      if (measuredAt > now) {
        throw new AppError('invalid_request', 'measuredAt: must not be in the future.', {
          field: 'measuredAt',
        });
      }
      const id = await repos.goalMeasurements.insert({
        goalId,
        projectId: goal.projectId,
        value: body.value,
        measuredAt,
        source: body.source,
        note: body.note || null,
        provenance: caller.ci ? 'ci' : 'manual',
        postedBy: caller.actor.userId,
        tokenId: caller.actor.tokenId,
        now,
      });
      await repos.projects.touch(goal.projectId, now);
      // The goal_off_pace alert opens or clears with the new pace.
      await refreshAlerts(repos, goal.projectId, clock.now());
      const stored = (await repos.goalMeasurements.listForGoal(goalId)).find((m) => m.id === id);
      if (!stored) throw new Error('measurement vanished inside its own transaction');
      return presentMeasurement(stored);
    });
  }

  async measurements(goalId: string): Promise<GoalMeasurements> {
    const repos = this.deps.store.repos;
    return goalMeasurementsOf(repos, await loadGoal(repos, goalId));
  }

  async delete(projectId: string, goalId: string): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      if (!(await repos.goals.findInProject(projectId, goalId))) throw notFound('Goal');
      await repos.goals.delete(goalId);
      await repos.projects.touch(projectId, iso(clock.now()));
    });
  }
}
