import { z } from 'zod';
import { Email, LIMITS, UserRef, requiredText } from './common.js';
import { Password, User } from './auth.js';
import { TeamRoleSchema } from './teams.js';

/** How long an invitation link works after it is made. */
export const INVITATION_TTL_DAYS = 7;

/** Where the web app opens an invitation link; the secret follows the slash. */
export const INVITATION_PATH = '/invitations/';

export const CreateInvitationBody = z.strictObject({ email: Email, role: TeamRoleSchema });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const InvitationParams = z.strictObject({
  id: z.string().min(1).max(100),
  invitationId: z.string().min(1).max(100),
});

/** The secret of a link, as it appears in its path. */
export const InvitationTokenParam = z.strictObject({ token: z.string().min(1).max(200) });

/** A pending invitation as its team's admins see it: never its secret. */
export const Invitation = z.object({
  id: z.string(),
  teamId: z.string(),
  email: z.string(),
  role: TeamRoleSchema,
  /** Null once the inviting account is gone. */
  invitedBy: UserRef.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The answer to a creation: the only time the link's secret is shown. */
export const CreatedInvitation = Invitation.extend({
  token: z.string(),
  /** The web app's path that opens it (`/invitations/<token>`); prefix it with the site's address. */
  path: z.string(),
  /** True when Sextant also emails the link (SMTP is configured); else it is only shown here. */
  emailed: z.boolean(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** What whoever holds a pending link sees before accepting it. */
export const InvitationView = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  email: z.string(),
  role: TeamRoleSchema,
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  /**
   * True when the email already has an account: then the person signs in as it and joins
   * (POST …/join), instead of choosing a name and password (POST …/accept).
   */
  existingAccount: z.boolean(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** A new account from a link: the same name and password rules as every account. */
export const AcceptInvitationBody = z.strictObject({
  name: requiredText(LIMITS.name),
  password: Password,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** After accepting or joining: who is signed in now, and the team they landed in. */
export const AcceptedInvitation = z.object({
  user: User,
  teamId: z.string(),
  role: TeamRoleSchema,
  /** Set when a new session was started (accept); null when the caller's session goes on (join). */
  csrfToken: z.string().nullable(),
});
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;
