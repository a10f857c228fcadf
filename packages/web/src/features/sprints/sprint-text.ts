import {
  SPRINT_LENGTH,
  addDays,
  type DeliverableType,
  type Sprint,
  type SprintState,
  type StoryStatus,
} from '@sextant/core';
import { todayIso } from '../../lib/format';
import { labelsAndTones } from '../../lib/labels-and-tones';

export const STATUS_LABELS: Record<StoryStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

export const DELIVERABLE_LABELS: Record<DeliverableType, string> = {
  dataset: 'Dataset',
  report: 'Report',
  model: 'Model',
  business_report: 'Business report',
  pipeline: 'Pipeline',
  other: 'Other',
};

export const [SPRINT_STATE_LABELS, SPRINT_STATE_TONES] = labelsAndTones<SprintState>({
  planned: ['Planned', 'neutral'],
  active: ['Active', 'accent'],
  closed: ['Closed', 'success'],
});

/** `14 days (2 weeks)`, `10 days`. */
export function lengthText(days: number): string {
  const weeks = days % 7 === 0 ? ` (${days / 7} week${days === 7 ? '' : 's'})` : '';
  return `${days} day${days === 1 ? '' : 's'}${weeks}`;
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD day. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first Monday on or after `date`. */
export function mondayOnOrAfter(date: string): string {
  return addDays(date, (8 - weekday(date)) % 7);
}

/**
 * Dates to suggest for a new sprint: the first Monday that is today or later and after
 * every existing sprint, for the suggested two weeks (end = start + 13 days).
 */
export function suggestSprintDates(sprints: readonly Sprint[]): {
  startDate: string;
  endDate: string;
} {
  const lastEnd = sprints.reduce<string | null>(
    (latest, s) => (latest === null || s.endDate > latest ? s.endDate : latest),
    null,
  );
  const today = todayIso();
  const from = lastEnd && addDays(lastEnd, 1) > today ? addDays(lastEnd, 1) : today;
  const startDate = mondayOnOrAfter(from);
  return { startDate, endDate: addDays(startDate, SPRINT_LENGTH.suggestedDays - 1) };
}

/** The planned sprint that carried-over stories would go to: the first one after `sprint`. */
export function plannedSprintAfter(sprints: readonly Sprint[], sprint: Sprint): Sprint | null {
  return (
    sprints
      .filter((s) => s.state === 'planned' && s.startDate > sprint.endDate)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null
  );
}

export function sprintPath(projectId: string, sprintId: string): string {
  return `/projects/${projectId}/sprints/${sprintId}`;
}
