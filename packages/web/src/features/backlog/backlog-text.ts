import {
  EFFORT_SIZE_DAYS,
  type BacklogItem,
  type BacklogStatus,
  type EffortSize,
} from '@sextant/core';
import { formatNumber } from '../../lib/format';

export const BACKLOG_STATUS_LABELS: Record<BacklogStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const BACKLOG_STATUS_TONES: Record<
  BacklogStatus,
  'neutral' | 'accent' | 'success' | 'warning' | 'danger'
> = {
  idea: 'neutral',
  planned: 'accent',
  in_progress: 'warning',
  done: 'success',
  dropped: 'neutral',
};

export const EFFORT_SIZE_LABELS: Record<EffortSize, string> = {
  S: 'S (about 1 day)',
  M: 'M (about 3 days)',
  L: 'L (about 8 days)',
};

function days(n: number): string {
  return `${formatNumber(n)} day${n === 1 ? '' : 's'}`;
}

/** `S · 1 day`, `2.5 days`. */
export function effortText(effort: BacklogItem['effort']): string {
  return 'size' in effort
    ? `${effort.size} · ${days(EFFORT_SIZE_DAYS[effort.size])}`
    : days(effort.days);
}

export function backlogPath(projectId: string): string {
  return `/projects/${projectId}/backlog`;
}
