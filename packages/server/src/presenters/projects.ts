import type { allowedMoves, nextStage, unmetGates } from '@sextant/core';
import { type Project, type ProjectDetail } from '@sextant/core';
import type {
  GoalRecord,
  ProjectWithRole,
  StoredWarning,
  SuccessCriterionRecord,
} from '@sextant/db';
import { presentWarning } from './delivery-warnings.js';
import { presentGoal } from './goals.js';
import { presentCriterion } from './success-criterion.js';

/** A project with what its page shows: goals, criterion, the next stage's gates, warnings. */
export interface ProjectDetailRecord extends ProjectWithRole {
  goals: GoalRecord[];
  successCriterion: SuccessCriterionRecord | null;
  next: {
    stage: NonNullable<ReturnType<typeof nextStage>>;
    unmetGates: ReturnType<typeof unmetGates>;
  } | null;
  allowedMoves: ReturnType<typeof allowedMoves>;
  warnings: StoredWarning[];
}

export const presentProject = (p: ProjectWithRole): Project => ({
  id: p.id,
  teamId: p.teamId,
  teamName: p.teamName,
  name: p.name,
  stage: p.stage,
  archivedAt: p.archivedAt,
  scope: p.scope,
  role: p.role,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const presentProjectDetail = (p: ProjectDetailRecord): ProjectDetail => ({
  ...presentProject(p),
  goals: p.goals.map(presentGoal),
  successCriterion: p.successCriterion ? presentCriterion(p.successCriterion) : null,
  next: p.next,
  allowedMoves: p.allowedMoves,
  warnings: p.warnings.map(presentWarning),
});
