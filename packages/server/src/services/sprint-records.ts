import { topOpenBacklog, type SprintReview } from '@sextant/core';
import type { Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import type { ReportExtras } from '../reports/review-report.js';
import { REPORT_BACKLOG_ITEMS, summarizeBacklogItem, summarizeCriterion } from './report-parts.js';
import { buildReview } from './review.service.js';

/** What a report shows besides the review, without the instant it was made. */
export type ReportParts = Omit<ReportExtras, 'generatedAt'>;

/** The criterion and the first open backlog items, as the report shows them now. */
export async function reportPartsOf(repos: Repositories, projectId: string): Promise<ReportParts> {
  const [criterion, backlog] = await Promise.all([
    repos.criteria.find(projectId),
    repos.backlog.listForProject(projectId),
  ]);
  return {
    criterion: criterion ? summarizeCriterion(criterion) : null,
    topBacklog: topOpenBacklog(backlog, REPORT_BACKLOG_ITEMS).map(summarizeBacklogItem),
  };
}

/**
 * Takes a sprint's record at its close, inside the close's transaction: the review and the
 * report's parts as they are at that moment. From then on the sprint's review and reports
 * are read from it (`buildReview`, `ReportService`).
 */
export async function takeSprintRecord(
  repos: Repositories,
  sprintId: string,
  now: Date,
  takenBy: string | null,
): Promise<void> {
  const review = await buildReview(repos, sprintId, now);
  const takenAt = iso(now);
  review.record = { takenAt, corrections: [] };
  await repos.sprintRecords.insert({
    sprintId,
    projectId: review.project.id,
    reviewJson: JSON.stringify(review),
    reportJson: JSON.stringify(await reportPartsOf(repos, review.project.id)),
    takenAt,
    takenBy,
  });
}

/**
 * An audited correction of a closed sprint's record (a story's outcome): the delivered
 * stories are read again and the correction is listed, with who and why. Nothing else of
 * the record moves. No-op for a sprint closed before records existed.
 */
export async function correctSprintRecord(
  repos: Repositories,
  sprintId: string,
  correction: { at: string; by: string | null; reason: string },
): Promise<void> {
  const record = await repos.sprintRecords.find(sprintId);
  if (!record) return;
  const review = JSON.parse(record.reviewJson) as SprintReview;
  const stories = await repos.stories.listForSprint(sprintId);
  review.deliveredStories = stories
    .filter((s) => s.outcome === 'delivered')
    .map((s) => ({ id: s.id, title: s.title, deliverable: s.deliverable.description }));
  review.record = {
    takenAt: record.takenAt,
    corrections: [...(review.record?.corrections ?? []), correction],
  };
  await repos.sprintRecords.replace(sprintId, {
    reviewJson: JSON.stringify(review),
    reportJson: record.reportJson,
  });
}
