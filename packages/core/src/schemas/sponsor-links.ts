import { z } from 'zod';
import { UserRef, requiredText, LIMITS } from './common.js';
import { BusinessGoalProgressSchema, Goal } from './goals.js';
import { RoiResponse } from './ledger.js';
import { SprintReview } from './review.js';
import { Risk } from './risks.js';
import { StageSchema } from './projects.js';

/** How long a sponsor link works when its maker names no number of days. */
export const SPONSOR_LINK_DEFAULT_DAYS = 30;
/** The longest a sponsor link may work. */
export const SPONSOR_LINK_MAX_DAYS = 365;

/** Where the web app opens a sponsor link; the secret follows the slash. */
export const SPONSOR_LINK_PATH = '/sponsor/';

export const CreateSponsorLinkBody = z.strictObject({
  name: requiredText(LIMITS.name),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(SPONSOR_LINK_MAX_DAYS)
    .default(SPONSOR_LINK_DEFAULT_DAYS),
});
export type CreateSponsorLinkBody = z.infer<typeof CreateSponsorLinkBody>;

export const SponsorLinkParams = z.strictObject({
  id: z.string().min(1).max(100),
  linkId: z.string().min(1).max(100),
});

/** The secret of a sponsor link, as it appears in its path. */
export const SponsorTokenParam = z.strictObject({ token: z.string().min(1).max(200) });

/** A sponsor link as the project's admins see it: never its secret. */
export const SponsorLink = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  /** Null once the account that made it is gone. */
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type SponsorLink = z.infer<typeof SponsorLink>;

/** The answer to a creation: the only time the link's secret is shown. */
export const CreatedSponsorLink = SponsorLink.extend({
  token: z.string(),
  /** The web app's path that opens it (`/sponsor/<token>`); prefix it with the site's address. */
  path: z.string(),
});
export type CreatedSponsorLink = z.infer<typeof CreatedSponsorLink>;

/** The one read-only view a sponsor link opens: one project, for a non-technical reader. */
export const SponsorView = z.object({
  project: z.object({ id: z.string(), name: z.string(), stage: StageSchema }),
  linkName: z.string(),
  expiresAt: z.string(),
  /** The business goals, each with where its measurements put it (the goals service's rule). */
  goals: z.array(Goal.extend({ progress: BusinessGoalProgressSchema })),
  /** The latest closed sprint's review; null before the first sprint closes. */
  review: SprintReview.nullable(),
  roi: RoiResponse,
  /** Risks still open or being mitigated. */
  risks: z.array(Risk),
  /** The API path of the latest review's PDF (relative to /api/v1); null without a review. */
  reportPath: z.string().nullable(),
});
export type SponsorView = z.infer<typeof SponsorView>;
