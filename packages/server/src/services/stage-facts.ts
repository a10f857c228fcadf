import { checkGoalQuantifiable, countNamedUsers, type StageFacts } from '@sextant/core';
import type { ProjectRecord, Repositories } from '@sextant/db';

/** Gathers what the stage gates judge; goals are re-checked today (a deadline may have passed). */
export async function gatherStageFacts(
  repos: Repositories,
  project: ProjectRecord,
  today: Date,
): Promise<StageFacts> {
  const [goals, criterion, decisions] = await Promise.all([
    repos.goals.listForProject(project.id),
    repos.criteria.find(project.id),
    repos.decisions.listForProject(project.id),
  ]);
  return {
    namedUsers: countNamedUsers(project.scope),
    quantifiableGoals: goals.filter((g) => checkGoalQuantifiable(g, today).ok).length,
    hasSuccessCriterion: criterion !== undefined,
    // The latest sprint-review decision stands: a later "continue" overturns "objectives met".
    objectivesMet: decisions.at(-1)?.decision === 'objectives_met',
  };
}
