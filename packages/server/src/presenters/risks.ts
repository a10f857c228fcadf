import type { Risk } from '@sextant/core';
import type { RiskRecord } from '@sextant/db';

export const presentRisk = (r: RiskRecord): Risk => ({
  id: r.id,
  projectId: r.projectId,
  description: r.description,
  affectedRoles: r.affectedRoles,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  owner: r.owner,
  status: r.status,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
