import type { Decision, SprintReview } from '@sextant/core';

export const DECISION_LABELS: Record<Decision, string> = {
  continue: 'Continue',
  objectives_met: 'Objectives met',
  drop: 'Drop',
};

/** What each decision does, said next to its choice. */
export const DECISION_HELP: Record<Decision, string> = {
  continue: 'Keep going: plan the next sprint. The project stays where it is.',
  objectives_met:
    'The success criterion is met: opens the gate to productization (moving there stays a separate step).',
  drop: 'Stop the project: it moves to Dropped, with this rationale in its stage history.',
};

export const DECISION_TONES: Record<Decision, 'accent' | 'success' | 'danger'> = {
  continue: 'accent',
  objectives_met: 'success',
  drop: 'danger',
};

type ForecastStatus = SprintReview['forecast']['status'];

export const FORECAST_LABELS: Record<ForecastStatus, string> = {
  reached: 'Threshold reached',
  in_sight: 'In sight',
  not_in_sight: 'Not in sight',
  not_enough_data: 'Not enough data',
  no_threshold: 'No threshold',
};

export const FORECAST_TONES: Record<
  ForecastStatus,
  'neutral' | 'accent' | 'success' | 'warning' | 'danger'
> = {
  reached: 'success',
  in_sight: 'accent',
  not_in_sight: 'danger',
  not_enough_data: 'neutral',
  no_threshold: 'neutral',
};

export function reviewPath(projectId: string, sprintId: string): string {
  return `/projects/${projectId}/sprints/${sprintId}/review`;
}
