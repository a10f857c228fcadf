import { effortDays, type SprintReview } from '@sextant/core';
import type { BacklogItemRecord, SuccessCriterionRecord } from '@sextant/db';
import { iso } from '../clock.js';
import { PdfPrinter } from '../reports/pdf.js';
import type * as ReportModule from '../reports/review-report.js';
import type {
  CriterionSummary,
  ReportBacklogItem,
  ReportExtras,
} from '../reports/review-report.js';
import { BacklogService } from './backlog.service.js';
import type { ServiceDeps } from './deps.js';
import { buildReview } from './review.service.js';
import { criterionMetricName } from './success-criterion.service.js';

/** How many open backlog items the report lists as next steps. */
export const REPORT_BACKLOG_ITEMS = 5;

export interface SprintReport<Body> {
  body: Body;
  /** `<project>-<sprint>-review`, ASCII letters, digits and dashes only. */
  basename: string;
}

/** The report modules load ECharts (about a second on Node): only when a report is asked for. */
let reportModule: Promise<typeof ReportModule> | null = null;
const loadReportModule = () => (reportModule ??= import('../reports/review-report.js'));

export function summarizeCriterion(criterion: SuccessCriterionRecord): CriterionSummary {
  const { metric, evaluation, valueModel } = criterion;
  const e = evaluation;
  return {
    metricName: criterionMetricName(metric),
    metricText:
      metric.kind === 'hit_rate_at_n'
        ? `hit rate@${metric.n} (true positives among the ${metric.n} highest-scored items per period)`
        : metric.name,
    direction: metric.kind === 'hit_rate_at_n' ? 'increase' : metric.direction,
    threshold: criterion.threshold,
    evaluation:
      `${e.trainWindow} train window${e.trainSize ? ` of ${e.trainSize}` : ''}, ` +
      `test window ${e.testWindow}, step ${e.step}${e.horizon ? `, horizon ${e.horizon}` : ''}`,
    evaluationFingerprint: criterion.evaluationFingerprint,
    valueModel: valueModel
      ? `missed failure ${valueModel.costMissed} ${valueModel.currency}, intervention ${valueModel.costIntervention} ${valueModel.currency}`
      : null,
  };
}

export function summarizeBacklogItem(item: BacklogItemRecord): ReportBacklogItem {
  const days = effortDays(item.effort);
  const daysText = `${days} day${days === 1 ? '' : 's'}`;
  return {
    proposedChange: item.proposedChange,
    observation: item.observation,
    effort: 'size' in item.effort ? `${item.effort.size} (${daysText})` : daysText,
    expectedImpact: item.expectedImpact,
    status: item.status.replace(/_/g, ' '),
  };
}

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

  private async gather(sprintId: string): Promise<{ review: SprintReview; extras: ReportExtras }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const review = await buildReview(store.repos, sprintId, now);
    const projectId = review.project.id;
    const [criterion, top] = await Promise.all([
      store.repos.criteria.find(projectId),
      new BacklogService(this.deps).top(projectId, REPORT_BACKLOG_ITEMS),
    ]);
    return {
      review,
      extras: {
        criterion: criterion ? summarizeCriterion(criterion) : null,
        topBacklog: top.map(summarizeBacklogItem),
        generatedAt: iso(now),
      },
    };
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
