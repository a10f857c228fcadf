import { z } from 'zod';
import { LIMITS, UserRef, requiredText } from './common.js';
import { StageSchema } from './projects.js';

export const ChangeStageBody = z.strictObject({
  stage: StageSchema,
  /** Why: kept in the history beside who and when. */
  note: requiredText(LIMITS.shortText),
});

export const StageChange = z.object({
  id: z.string(),
  projectId: z.string(),
  fromStage: StageSchema.nullable(),
  toStage: StageSchema,
  note: z.string(),
  changedBy: UserRef.nullable(),
  changedAt: z.string(),
});
export type StageChange = z.infer<typeof StageChange>;
