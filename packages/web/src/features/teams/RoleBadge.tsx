import type { TeamRole } from '@sextant/core';
import { Badge } from '../../components/Badge';

/** A person's role in a team; admins stand out. */
export function RoleBadge({ role }: { role: TeamRole }) {
  return <Badge tone={role === 'admin' ? 'accent' : 'neutral'}>{role}</Badge>;
}
