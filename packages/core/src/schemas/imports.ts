import { z } from 'zod';
import { CalendarDate } from './common.js';
import { DURATION_PATTERN } from '../domain/evaluation.js';
import { SprintStateSchema } from './sprints.js';

/** Query of `POST /projects/{id}/imports/jira` (the body is the CSV file itself). */
export const JiraImportQuery = z.strictObject({
  /** Length of each imported sprint (Jira's CSV has sprint names, not dates). Default 2w. */
  sprintLength: z
    .string()
    .regex(DURATION_PATTERN, 'must be a duration such as 14d or 2w')
    .default('2w'),
  /** Start of the first imported sprint; default the Monday on or before the earliest Created date. */
  firstSprintStart: CalendarDate.optional(),
});
export type JiraImportQuery = z.infer<typeof JiraImportQuery>;

const LineMessage = z.object({ line: z.number().int(), message: z.string() });

export const JiraImportResult = z.object({
  sprints: z.array(
    z.object({
      name: z.string(),
      sprintId: z.string().nullable(),
      state: SprintStateSchema.nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      /** created now, already there from an earlier import, or skipped (see problems). */
      result: z.enum(['created', 'existing', 'skipped']),
      stories: z.number().int(),
    }),
  ),
  stories: z.object({
    created: z.number().int(),
    existing: z.number().int(),
    /** Of the existing ones, those in open sprints whose title, status, points or assignee Jira changed. */
    updated: z.number().int(),
  }),
  /** Rows that were not imported, with their line in the file and why. */
  problems: z.array(LineMessage),
  /** Rows imported with something worth knowing (an unknown status, an unmatched assignee…). */
  warnings: z.array(LineMessage),
  rows: z.number().int(),
});
export type JiraImportResult = z.infer<typeof JiraImportResult>;
