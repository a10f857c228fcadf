import type { TeamRole } from '@sextant/core';

export const ROLE_TEXT: Record<TeamRole, { label: string; help: string }> = {
  viewer: { label: 'Viewer', help: 'reads everything, changes nothing' },
  operator: {
    label: 'Operator',
    help: 'sees the production pages and records decisions and outcomes, nothing else',
  },
  member: { label: 'Member', help: 'edits projects, goals, risks, CI tokens' },
  admin: { label: 'Admin', help: 'also manages members and revokes CI tokens' },
};
