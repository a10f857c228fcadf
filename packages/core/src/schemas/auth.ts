import { z } from 'zod';
import { Email, LIMITS, requiredText } from './common.js';
import { PASSWORD_MIN_LENGTH } from '../domain/password.js';
import { TEAM_ROLES } from '../domain/roles.js';

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(LIMITS.password);

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(LIMITS.password),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.password),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CreateUserBody = z.strictObject({
  email: Email,
  name: requiredText(LIMITS.name),
  password: Password,
  isAdmin: z.boolean().default(false),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const MeTeam = z.object({ id: z.string(), name: z.string(), role: z.enum(TEAM_ROLES) });

export const Me = z.object({
  kind: z.enum(['user', 'ci']),
  /** Present for people (session or personal token). */
  user: User.nullable(),
  teams: z.array(MeTeam),
  /** How this request was authenticated. */
  via: z.enum(['session', 'personal_token', 'ci_token']),
  /** For a CI token: the one project it may post to. */
  ciProjectId: z.string().nullable(),
  /** For a session: the token to send as `X-CSRF-Token` on writes. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: User, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;
