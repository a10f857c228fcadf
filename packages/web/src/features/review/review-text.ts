import type { Decision, SprintReview } from '@sextant/core';
import { labelsAndTones } from '../../lib/labels-and-tones';

export const [DECISION_LABELS, DECISION_TONES] = labelsAndTones<Decision>({
  continue: ['Continue', 'accent'],
  objectives_met: ['Objectives met', 'success'],
  drop: ['Drop', 'danger'],
});

/** What each decision does, said next to its choice. */
export const DECISION_HELP: Record<Decision, string> = {
  continue: 'Keep going: plan the next sprint. The project stays where it is.',
  objectives_met:
    'The success criterion is met: opens the gate to productization (moving there stays a separate step).',
  drop: 'Stop the project: it moves to Dropped, with this rationale in its stage history.',
};

type ForecastStatus = SprintReview['forecast']['status'];

export const [FORECAST_LABELS, FORECAST_TONES] = labelsAndTones<ForecastStatus>({
  reached: ['Threshold reached', 'success'],
  in_sight: ['In sight', 'accent'],
  not_in_sight: ['Not in sight', 'danger'],
  not_enough_data: ['Not enough data', 'neutral'],
  no_threshold: ['No threshold', 'neutral'],
});

export function reviewPath(projectId: string, sprintId: string): string {
  return `/projects/${projectId}/sprints/${sprintId}/review`;
}
