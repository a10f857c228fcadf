import { z } from 'zod';
import { LIMITS, optionalText, requiredText } from './common.js';
import { RISK_LEVELS, RISK_STATUSES } from '../domain/risk.js';

const RiskFields = {
  description: requiredText(LIMITS.shortText),
  affectedRoles: z.array(requiredText(LIMITS.name)).max(LIMITS.list),
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: optionalText(LIMITS.longText),
  owner: optionalText(LIMITS.name),
  status: z.enum(RISK_STATUSES),
};

export const CreateRiskBody = z.strictObject({
  ...RiskFields,
  affectedRoles: RiskFields.affectedRoles.default([]),
  mitigation: RiskFields.mitigation.default(''),
  owner: RiskFields.owner.default(''),
  status: RiskFields.status.default('open'),
});
export type CreateRiskBody = z.infer<typeof CreateRiskBody>;

export const UpdateRiskBody = z.strictObject({
  description: RiskFields.description.optional(),
  affectedRoles: RiskFields.affectedRoles.optional(),
  likelihood: RiskFields.likelihood.optional(),
  impact: RiskFields.impact.optional(),
  mitigation: RiskFields.mitigation.optional(),
  owner: RiskFields.owner.optional(),
  status: RiskFields.status.optional(),
});
export type UpdateRiskBody = z.infer<typeof UpdateRiskBody>;

export const RiskParams = z.strictObject({
  id: z.string().min(1).max(100),
  riskId: z.string().min(1).max(100),
});

export const Risk = z.object({
  id: z.string(),
  projectId: z.string(),
  description: z.string(),
  affectedRoles: z.array(z.string()),
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: z.string(),
  owner: z.string(),
  status: z.enum(RISK_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Risk = z.infer<typeof Risk>;
