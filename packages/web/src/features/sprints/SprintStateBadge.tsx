import type { Sprint } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { SPRINT_STATE_LABELS, SPRINT_STATE_TONES } from './sprint-text';

/** A sprint's state as a badge: planned, active or closed. */
export function SprintStateBadge({ state }: { state: Sprint['state'] }) {
  return <Badge tone={SPRINT_STATE_TONES[state]}>{SPRINT_STATE_LABELS[state]}</Badge>;
}
