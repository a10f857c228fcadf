import { z } from 'zod';
import { Email, LIMITS, requiredText } from './common.js';
import { TEAM_ROLES } from '../domain/roles.js';

export const TeamRoleSchema = z.enum(TEAM_ROLES);

export const CreateTeamBody = z.strictObject({ name: requiredText(LIMITS.name) });

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  /** The caller's role in this team. */
  role: TeamRoleSchema,
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;

export const AddMemberBody = z.strictObject({ email: Email, role: TeamRoleSchema });
export const UpdateMemberBody = z.strictObject({ role: TeamRoleSchema });
export const MemberParams = z.strictObject({
  id: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
});

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: TeamRoleSchema,
  addedAt: z.string(),
});
export type Member = z.infer<typeof Member>;
