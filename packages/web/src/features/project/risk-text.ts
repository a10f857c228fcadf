import type { Risk } from '@sextant/core';

export const RISK_STATUS_LABELS: Record<Risk['status'], string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const RISK_LEVEL_LABELS: Record<Risk['impact'], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export function levelTone(level: Risk['impact']): 'neutral' | 'warning' | 'danger' {
  return level === 'high' ? 'danger' : level === 'medium' ? 'warning' : 'neutral';
}

/*
 * The lists come from the label records (exhaustive by type) rather than from core's
 * schema module, whose Zod schemas would otherwise be bundled into the page.
 */
export const RISK_STATUSES = Object.keys(RISK_STATUS_LABELS) as Risk['status'][];
export const RISK_LEVELS = Object.keys(RISK_LEVEL_LABELS) as Risk['impact'][];
