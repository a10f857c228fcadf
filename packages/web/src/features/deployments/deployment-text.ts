import type { DeploymentStatus } from '@sextant/core';
import { labelsAndTones } from '../../lib/labels-and-tones';

export const [STATUS_LABELS, STATUS_TONES] = labelsAndTones<DeploymentStatus>({
  succeeded: ['Succeeded', 'success'],
  failed: ['Failed', 'danger'],
  rolled_back: ['Rolled back', 'warning'],
});

const weekFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A week's Monday (`2026-11-16`) as `16 Nov`. */
export function weekLabel(weekStart: string): string {
  return weekFormat.format(new Date(`${weekStart}T00:00:00Z`));
}

/** `12.5 h`, or `3.2 days` from 48 hours on. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours >= 48) return `${(Math.round((hours / 24) * 10) / 10).toString()} days`;
  return `${(Math.round(hours * 10) / 10).toString()} h`;
}

/** `1.5`: a median of whole days may end in .5. */
export function formatDays(days: number): string {
  return (Math.round(days * 10) / 10).toString();
}
