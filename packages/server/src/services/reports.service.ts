import type { SprintReview } from '@sextant/core';
import { iso } from '../clock.js';
import { PdfPrinter } from '../reports/pdf.js';
import type * as ReportModule from '../reports/review-report.js';
import type { ReportExtras } from '../reports/review-report.js';
import type { ServiceDeps } from './deps.js';
import { buildReview } from './review.service.js';
import { reportPartsOf, type ReportParts } from './sprint-records.js';

export interface SprintReport<Body> {
  body: Body;
  /** `<project>-<sprint>-review`, ASCII letters, digits and dashes only. */
  basename: string;
}

/** The report modules load ECharts (about a second on Node): only when a report is asked for. */
let reportModule: Promise<typeof ReportModule> | null = null;
const loadReportModule = () => (reportModule ??= import('../reports/review-report.js'));

/** `Predictive Maintenance – Pumps!` → `predictive-maintenance-pumps`. */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The sprint-demo report in three formats, from the sprint review. */
export class ReportService {
  /** Cheap to make: Chromium starts only when the first PDF is asked for. */
  private readonly printer = new PdfPrinter();

  constructor(private readonly deps: ServiceDeps) {}

  /**
   * The review and the report's other parts. A closed sprint's come from its record, made
   * at the close, so its reports are the same bytes whatever happened since; an open
   * sprint's are read now.
   */
  private async gather(sprintId: string): Promise<{ review: SprintReview; extras: ReportExtras }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const review = await buildReview(store.repos, sprintId, now);
    if (review.record) {
      const record = await store.repos.sprintRecords.find(sprintId);
      if (record) {
        const parts = JSON.parse(record.reportJson) as ReportParts;
        return { review, extras: { ...parts, generatedAt: record.takenAt } };
      }
    }
    const parts = await reportPartsOf(store.repos, review.project.id);
    return { review, extras: { ...parts, generatedAt: iso(now) } };
  }

  private basename(review: SprintReview): string {
    return `${fileSlug(review.project.name, 'project')}-${fileSlug(review.sprint.name, 'sprint')}-review`;
  }

  async markdown(sprintId: string): Promise<SprintReport<string>> {
    const [{ review, extras }, { reviewMarkdown }] = await Promise.all([
      this.gather(sprintId),
      loadReportModule(),
    ]);
    return { body: reviewMarkdown(review, extras), basename: this.basename(review) };
  }

  async html(sprintId: string): Promise<SprintReport<string>> {
    const [{ review, extras }, { reviewHtml }] = await Promise.all([
      this.gather(sprintId),
      loadReportModule(),
    ]);
    return { body: reviewHtml(review, extras), basename: this.basename(review) };
  }

  /** 503 `unavailable` when Chromium is missing; the other formats still work. */
  async pdf(sprintId: string): Promise<SprintReport<Buffer>> {
    const html = await this.html(sprintId);
    return { body: await this.printer.print(html.body), basename: html.basename };
  }

  /** Closes the PDF browser, if one was started (the app's onClose hook). */
  close(): Promise<void> {
    return this.printer.close();
  }
}
