import {
  AppError,
  checkTransition,
  NOTIFICATION_EVENT_VERSION,
  stageChangedEvent,
  unmetGates,
  type Stage,
  type StageChange,
} from '@sextant/core';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentStageChange } from '../presenters/stage.js';
import type { ServiceDeps } from './deps.js';
import { gatherStageFacts } from './stage-facts.js';
import { loadWritableProject } from './project-guards.js';

export class StageService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Moves a project. A refused forward move lists every unmet gate at once, so the
   * team sees the whole way to the next stage rather than one obstacle at a time.
   */
  async change(
    projectId: string,
    input: { stage: Stage; note: string },
    actor: Actor,
  ): Promise<StageChange> {
    const { store, clock } = this.deps;
    const change = await store.transaction(async (repos) => {
      const project = await loadWritableProject(repos, projectId);
      const transition = checkTransition(project.stage, input.stage);
      if (!transition.ok) {
        throw new AppError('stage_transition_invalid', transition.message, {
          from: project.stage,
          to: input.stage,
          allowed: transition.allowed,
        });
      }
      if (transition.forward) {
        const unmet = unmetGates(input.stage, await gatherStageFacts(repos, project, clock.now()));
        if (unmet.length > 0) {
          throw new AppError(
            'stage_gate_unmet',
            `Cannot move to ${input.stage} yet: ${unmet.map((g) => g.message).join(' ')}`,
            { from: project.stage, to: input.stage, unmet },
          );
        }
      }
      const now = iso(clock.now());
      await repos.projects.setStage(projectId, input.stage, now);
      await repos.stageChanges.insert({
        projectId,
        fromStage: project.stage,
        toStage: input.stage,
        note: input.note,
        changedBy: actor.userId,
        now,
      });
      await repos.notificationEvents.emit(
        stageChangedEvent(
          { id: project.id, name: project.name },
          { from: project.stage, to: input.stage, note: input.note, changedAt: now },
        ),
        NOTIFICATION_EVENT_VERSION,
        now,
      );
      const history = await repos.stageChanges.listForProject(projectId);
      const change = history.at(-1);
      if (!change) throw new Error('stage change vanished inside its own transaction');
      return change;
    });
    return presentStageChange(change);
  }

  async history(projectId: string): Promise<StageChange[]> {
    return (await this.deps.store.repos.stageChanges.listForProject(projectId)).map(
      presentStageChange,
    );
  }
}
