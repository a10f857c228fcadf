import type { ProjectHealth } from '@sextant/core';

const HEALTH: Record<ProjectHealth, { label: string; tone: string }> = {
  green: { label: 'On track', tone: 'success' },
  amber: { label: 'At risk', tone: 'warning' },
  red: { label: 'Off track', tone: 'danger' },
};

export function healthLabel(health: ProjectHealth): string {
  return HEALTH[health].label;
}

/**
 * Green, amber or red from the open alerts; the reasons are the hover text (a list beside
 * the badge says them for every reader where there is room).
 */
export function HealthBadge({ health, reasons }: { health: ProjectHealth; reasons?: string[] }) {
  const { label, tone } = HEALTH[health];
  const title = reasons ? (reasons.length > 0 ? reasons.join('\n') : 'No open alert.') : undefined;
  return (
    <span className={`badge badge--${tone} health-badge`} title={title}>
      <span className={`health-badge__dot health-badge__dot--${health}`} aria-hidden="true" />
      {label}
    </span>
  );
}
