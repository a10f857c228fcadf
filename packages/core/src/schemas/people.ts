import { z } from 'zod';
import { Email, LIMITS, requiredText } from './common.js';
import { TEAM_ROLES } from '../domain/roles.js';

/** How the people page may order its list. */
export const PEOPLE_SORTS = ['name', 'email', 'lastSignIn', 'created'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export const PeopleQuery = z.strictObject({
  /** A piece of a name or email, case-insensitive. */
  q: z.string().trim().max(LIMITS.name).optional(),
  sort: z.enum(PEOPLE_SORTS).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonTeam = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(TEAM_ROLES),
});
export type PersonTeam = z.infer<typeof PersonTeam>;

/** One row of the people page (workspace admins only). */
export const Person = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  teams: z.array(PersonTeam),
});
export type Person = z.infer<typeof Person>;

/** Your own name and email; a new email needs your current password. */
export const UpdateProfileBody = z.strictObject({
  name: requiredText(LIMITS.name).optional(),
  email: Email.optional(),
  currentPassword: z.string().min(1).max(LIMITS.password).optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;
