/**
 * The sprint-demo report as Markdown and as self-contained HTML (printed to PDF by
 * pdf.ts): goal, success criterion, the chart, the forecast, the decision, the delivered
 * stories and the top backlog items. Pure functions of the review and a few extras; every
 * piece of user text is escaped for the format it lands in.
 */
import {
  escapeHtml,
  comparisonTableMarkdown,
  escapeMarkdown,
  markdownRow,
  formatDayRangeText,
  formatDayText,
  formatMetricText,
  formatMoneyShort,
  formatMoneyText,
  perPeriodText,
  type Decision,
  type SprintReview,
} from '@sextant/core';
import { REPORT_CSP } from './csp.js';
import { renderReviewChart } from './review-chart.js';

/** The CommonMark escape lives in core (the CI integrations use it too). */
export { escapeMarkdown };

/** The success criterion in words, for the report (built from the stored criterion). */
export interface CriterionSummary {
  /** `hit_rate_at_10`, or the named metric. */
  metricName: string;
  /** `hit rate@10 (true positives among the 10 highest-scored items per period)`, … */
  metricText: string;
  direction: 'increase' | 'decrease';
  threshold: number;
  /** `expanding train window, test window 1d, step 1d, horizon 1d` */
  evaluation: string;
  evaluationFingerprint: string;
  /** `missed failure 1,200 EUR, intervention 40 EUR`, or null without a value model. */
  valueModel: string | null;
}

export interface ReportBacklogItem {
  proposedChange: string;
  observation: string;
  /** `S (1 day)`, `2.5 days` */
  effort: string;
  expectedImpact: string;
  status: string;
}

export interface ReportExtras {
  criterion: CriterionSummary | null;
  /** The first open backlog items, simplest first. */
  topBacklog: readonly ReportBacklogItem[];
  /** ISO-8601 instant the report was made. */
  generatedAt: string;
}

export const DECISION_LABELS: Record<Decision, string> = {
  continue: 'Continue',
  objectives_met: 'Objectives met',
  drop: 'Drop',
};

const FORECAST_LABELS: Record<SprintReview['forecast']['status'], string> = {
  reached: 'Threshold reached',
  in_sight: 'In sight',
  not_in_sight: 'Not in sight',
  not_enough_data: 'Not enough data',
  no_threshold: 'No threshold',
};

/** Planned dates, and the actual end when the sprint was closed before it. */
function sprintDatesText({ sprint }: SprintReview): string {
  const planned = formatDayRangeText(sprint.startDate, sprint.endDate);
  return sprint.closedOn && sprint.closedOn < sprint.endDate
    ? `${formatDayRangeText(sprint.startDate, sprint.closedOn)} (closed early; planned ${planned})`
    : planned;
}

/** What reaching the threshold would be worth, for the forecast; null without money. */
export function thresholdMoneyText(review: SprintReview): string | null {
  const money = review.money;
  if (!money?.atThreshold || review.threshold === null) return null;
  return (
    `At the threshold ${formatMetricText(review.threshold)}: ` +
    `${formatMoneyText(money.atThreshold.perPeriod, money.currency)} ${perPeriodText(money.period)}, ` +
    `about ${formatMoneyShort(money.atThreshold.perYear, money.currency)} a year.`
  );
}

/** When the report's content was made: the record of the close, or now. */
function madeText(review: SprintReview, extras: ReportExtras): string {
  return review.record
    ? `Record of the close, ${formatInstant(review.record.takenAt)}: later runs and edits do not change it`
    : `Generated ${formatInstant(extras.generatedAt)}`;
}

/** `2026-01-08T10:00:00.000Z` → `8 Jan 2026, 10:00 UTC`. */
export function formatInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${formatDayText(match[1]!)}, ${match[2]} UTC` : iso;
}

const num = (value: number | null): string => (value === null ? '–' : formatMetricText(value));

function thresholdText(review: SprintReview): string | null {
  if (review.threshold === null || !review.metric) return null;
  const op = review.metric.direction === 'increase' ? '≥' : '≤';
  return `${review.metric.name} ${op} ${formatMetricText(review.threshold)}`;
}

/** What the chart shows, in one sentence: the figure's caption and its text alternative. */
export function chartDescription(review: SprintReview): string {
  const metric = review.metric?.name ?? 'the success metric';
  const values = review.points
    .map((p) => `${p.name}: ${p.bestCiValue === null ? 'no CI run' : num(p.bestCiValue)}`)
    .join('; ');
  const threshold = thresholdText(review);
  return `Best CI value of ${metric} per sprint (${values || 'no sprints'})${threshold ? `; threshold ${threshold}` : ''}.`;
}

// ── Markdown ────────────────────────────────────────────────────────────────────────────

/** A table row of cells that are already escaped (or are our own figures): core's, shared with the CI integrations' run table. */
const row = markdownRow;

export function reviewMarkdown(review: SprintReview, extras: ReportExtras): string {
  const md = escapeMarkdown;
  const { sprint, project } = review;
  const lines: string[] = [];
  lines.push(`# Sprint review: ${md(project.name)} — ${md(sprint.name)}`, '');
  lines.push(
    `Sprint ${sprint.number}, ${sprintDatesText(review)} (${sprint.state}); ` +
      `project stage: ${md(project.stage)}. ${md(madeText(review, extras))}.`,
    '',
  );
  for (const c of review.record?.corrections ?? []) {
    lines.push(
      `- **Correction** ${formatInstant(c.at)} by ${md(c.by ?? 'unknown')}: ${md(c.reason)}`,
    );
  }
  if (review.record?.corrections.length) lines.push('');

  lines.push('## Goal', '');
  lines.push(`- **Sprint goal:** ${sprint.goal.trim() ? md(sprint.goal) : '_none set_'}`);
  if (review.goal) {
    const target = review.goal.target === null ? '' : ` (target ${num(review.goal.target)})`;
    lines.push(`- **Project goal:** ${md(review.goal.text)}${target}`);
  } else {
    lines.push('- **Project goal:** _no quantifiable goal yet_');
  }
  lines.push('');

  lines.push('## Success criterion', '');
  const criterion = extras.criterion;
  if (criterion) {
    const op = criterion.direction === 'increase' ? '≥' : '≤';
    lines.push(
      `- **Metric:** ${md(criterion.metricText)}, threshold ${op} ${num(criterion.threshold)}`,
      `- **Evaluation:** ${md(criterion.evaluation)} (fingerprint \`${criterion.evaluationFingerprint}\`)`,
    );
    if (criterion.valueModel) lines.push(`- **Value model:** ${md(criterion.valueModel)}`);
  } else {
    lines.push('_No success criterion yet._');
  }
  if (review.currentProcess) {
    lines.push(
      `- **Current process:** ${md(review.currentProcess.name)} ${num(review.currentProcess.value)}`,
    );
  }
  lines.push('');

  lines.push('## Chart', '');
  const svg = renderReviewChart({
    metricName: review.metric?.name ?? null,
    points: review.points,
    threshold: review.threshold,
    currentProcess: review.currentProcess,
  });
  const dataUri = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  lines.push(`![${md(chartDescription(review))}](${dataUri})`, '');
  lines.push(
    row([
      'Sprint',
      `Best CI ${md(review.metric?.name ?? 'value')}`,
      'Baseline',
      'Not comparable',
      'Manual',
    ]),
    row(['---', '---:', '---:', '---:', '---:']),
  );
  for (const p of review.points) {
    lines.push(
      row([
        md(p.name),
        num(p.bestCiValue),
        num(p.baselineValue),
        String(p.notComparableRuns),
        String(p.manualRuns),
      ]),
    );
  }
  lines.push('');
  // This sprint's best CI run, in the table the CI integrations' comments show.
  const here = review.points.find((p) => p.sprintId === sprint.id);
  if (here?.bestRunId && here.bestCiValue !== null && review.metric) {
    lines.push(`**This sprint’s best CI run** (\`${here.bestRunId}\`):`, '');
    lines.push(
      comparisonTableMarkdown(
        {
          metricName: review.metric.name,
          value: here.bestCiValue,
          baselineValue: here.baselineValue,
          comparable: true,
          isBaseline: false,
        },
        {
          threshold:
            review.threshold === null
              ? null
              : { value: review.threshold, direction: review.metric.direction },
          currentProcess: review.currentProcess,
          money: review.money,
        },
      ),
      '',
    );
  }
  if (review.comparability) lines.push(`> ${md(review.comparability.message)}`, '');
  if (review.money) lines.push(`**In money:** ${md(review.money.text)}.`, '');

  lines.push('## Forecast', '');
  lines.push(
    `**${FORECAST_LABELS[review.forecast.status]}.** ${md(review.forecast.message)}`,
    '',
    `_${md(review.forecast.method)}_`,
    '',
  );
  const atThreshold = thresholdMoneyText(review);
  if (atThreshold) lines.push(md(atThreshold), '');

  lines.push('## Decision', '');
  const decision = review.decision;
  if (decision) {
    const by = decision.decidedBy ? ` by ${md(decision.decidedBy.name)}` : '';
    lines.push(
      `**${DECISION_LABELS[decision.decision]}**${by}, ${formatInstant(decision.decidedAt)}.`,
      '',
      `> ${md(decision.rationale)}`,
    );
    if (decision.stageChange) {
      lines.push('', `Stage: ${md(decision.stageChange.from)} → ${md(decision.stageChange.to)}.`);
    }
  } else {
    lines.push('_No decision recorded yet._');
  }
  lines.push('');

  lines.push('## Delivered stories', '');
  if (review.deliveredStories.length === 0) lines.push('_No story delivered in this sprint._');
  for (const story of review.deliveredStories) {
    lines.push(`- **${md(story.title)}** — ${md(story.deliverable)}`);
  }
  lines.push('');

  lines.push('## Carried over', '');
  if (review.carriedOverStories.length === 0) lines.push('_No story carried over._');
  for (const story of review.carriedOverStories) lines.push(`- ${md(story.title)}`);
  lines.push('');

  lines.push('## Top backlog items', '');
  if (extras.topBacklog.length === 0) lines.push('_No open backlog item._');
  extras.topBacklog.forEach((item, index) => {
    lines.push(
      `${index + 1}. **${md(item.proposedChange)}** (effort ${md(item.effort)}, ${md(item.status)}) — ` +
        `expected impact: ${md(item.expectedImpact)}. Seen: ${md(item.observation)}`,
    );
  });
  lines.push('');
  return lines.join('\n');
}

// ── HTML ────────────────────────────────────────────────────────────────────────────────

const CSS = `
@page { size: A4; margin: 10mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 12px; color: #1b1f24; background: #fff;
  font: 9pt/1.3 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; }
@media print { body { padding: 0; max-width: none; } }
header { border-bottom: 2px solid #4f46e5; margin-bottom: 6px; padding-bottom: 4px; }
h1 { font-size: 14pt; margin: 0 0 2px; }
h2 { font-size: 10.5pt; margin: 6px 0 2px; color: #312e81; break-after: avoid; }
.meta { color: #5f6673; margin: 0; font-size: 8.5pt; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
.cols > section { min-width: 0; }
.cols.wide-right { grid-template-columns: 2fr 3fr; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 0; }
dt { font-weight: 600; color: #5f6673; }
dd { margin: 0; }
p { margin: 3px 0; }
figure { margin: 2px 0 0; break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-height: 58mm; }
figcaption { color: #5f6673; font-size: 7.5pt; margin-top: 1px; }
@media print { figcaption { display: none; } }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin-top: 4px; break-inside: avoid;
  table-layout: fixed; }
th, td { border-bottom: 1px solid #e3e5e9; padding: 2px 4px; text-align: left; overflow-wrap: anywhere; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"] { width: 22mm; white-space: nowrap; overflow-wrap: normal; }
.note { color: #5f6673; font-style: italic; }
.warning { border-left: 3px solid #a15c07; padding: 3px 8px; background: #fdf6ec; }
.decision { border: 1px solid #e3e5e9; border-radius: 6px; padding: 5px 8px; break-inside: avoid; }
.badge { display: inline-block; border-radius: 999px; padding: 0 8px; font-weight: 600;
  font-size: 8.5pt; color: #fff; background: #4f46e5; }
.badge.objectives_met { background: #15803d; }
.badge.drop { background: #c62828; }
blockquote { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid #e3e5e9; white-space: pre-wrap; }
ul, ol { margin: 0; padding-left: 18px; }
li { margin: 1px 0; break-inside: avoid; }
.sub { color: #5f6673; font-size: 8pt; }
`;

export function reviewHtml(review: SprintReview, extras: ReportExtras): string {
  const h = escapeHtml;
  const { sprint, project } = review;
  const title = `Sprint review: ${project.name} — ${sprint.name}`;
  const thresholdMoney = thresholdMoneyText(review);
  const svg = renderReviewChart({
    metricName: review.metric?.name ?? null,
    points: review.points,
    threshold: review.threshold,
    currentProcess: review.currentProcess,
  });
  const description = chartDescription(review);
  const criterion = extras.criterion;
  const op = (direction: 'increase' | 'decrease') => (direction === 'increase' ? '≥' : '≤');

  const goalRows = [
    `<dt>Sprint goal</dt><dd>${sprint.goal.trim() ? h(sprint.goal) : '<span class="note">none set</span>'}</dd>`,
    review.goal
      ? `<dt>Project goal</dt><dd>${h(review.goal.text)}${review.goal.target === null ? '' : ` (target ${h(num(review.goal.target))})`}</dd>`
      : '<dt>Project goal</dt><dd class="note">no quantifiable goal yet</dd>',
  ];
  const criterionRows = criterion
    ? [
        `<dt>Metric</dt><dd>${h(criterion.metricText)}, threshold ${op(criterion.direction)} ${h(num(criterion.threshold))}</dd>`,
        `<dt>Evaluation</dt><dd>${h(criterion.evaluation)} <span class="sub">(fingerprint ${h(criterion.evaluationFingerprint)})</span></dd>`,
        ...(criterion.valueModel
          ? [`<dt>Value model</dt><dd>${h(criterion.valueModel)}</dd>`]
          : []),
      ]
    : ['<dt>Criterion</dt><dd class="note">No success criterion yet.</dd>'];
  if (review.currentProcess) {
    criterionRows.push(
      `<dt>Current process</dt><dd>${h(review.currentProcess.name)} ${h(num(review.currentProcess.value))}</dd>`,
    );
  }

  // Sprints as columns, twelve to a table: the record of a long project still fits its page.
  const pointTables: string[] = [];
  for (let at = 0; at < review.points.length; at += 12) {
    const chunk = review.points.slice(at, at + 12);
    const cells = (f: (p: (typeof chunk)[number]) => string) =>
      chunk.map((p) => `<td class="n">${h(f(p))}</td>`).join('');
    pointTables.push(
      `<table><thead><tr><th scope="col">Sprint</th>${chunk.map((p) => `<th scope="col" class="n">${h(p.name)}</th>`).join('')}</tr></thead><tbody>` +
        `<tr><th scope="row">Best CI run</th>${cells((p) => num(p.bestCiValue))}</tr>` +
        `<tr><th scope="row">Baseline</th>${cells((p) => num(p.baselineValue))}</tr>` +
        // Rows of zeros say nothing: shown only where a sprint has such runs.
        (review.points.some((p) => p.notComparableRuns > 0)
          ? `<tr><th scope="row">Not comparable</th>${cells((p) => String(p.notComparableRuns))}</tr>`
          : '') +
        (review.points.some((p) => p.manualRuns > 0)
          ? `<tr><th scope="row">Manual runs</th>${cells((p) => String(p.manualRuns))}</tr>`
          : '') +
        '</tbody></table>',
    );
  }

  const decision = review.decision;
  const decisionHtml = decision
    ? `<div class="decision"><span class="badge ${decision.decision}">${h(DECISION_LABELS[decision.decision])}</span>` +
      ` <span class="sub">${decision.decidedBy ? `by ${h(decision.decidedBy.name)}, ` : ''}${h(formatInstant(decision.decidedAt))}</span>` +
      `<blockquote>${h(decision.rationale)}</blockquote>` +
      (decision.stageChange
        ? `<p class="sub">Stage: ${h(decision.stageChange.from)} → ${h(decision.stageChange.to)}</p>`
        : '') +
      '</div>'
    : '<p class="note">No decision recorded yet.</p>';

  const stories =
    review.deliveredStories.length === 0
      ? '<p class="note">No story delivered in this sprint.</p>'
      : `<ul>${review.deliveredStories
          .map((s) => `<li><strong>${h(s.title)}</strong> — ${h(s.deliverable)}</li>`)
          .join('')}</ul>`;
  const carried =
    review.carriedOverStories.length === 0
      ? '<p class="note">No story carried over.</p>'
      : `<ul>${review.carriedOverStories.map((s) => `<li>${h(s.title)}</li>`).join('')}</ul>`;

  const backlog =
    extras.topBacklog.length === 0
      ? '<p class="note">No open backlog item.</p>'
      : `<ol>${extras.topBacklog
          .map(
            (item) =>
              `<li><strong>${h(item.proposedChange)}</strong> <span class="sub">(effort ${h(item.effort)}, ${h(item.status)})</span>` +
              ` — expected impact: ${h(item.expectedImpact)}. <span class="sub">Seen: ${h(item.observation)}</span></li>`,
          )
          .join('')}</ol>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(title)}</h1>
<p class="meta">Sprint ${sprint.number}, ${h(sprintDatesText(review))} (${h(sprint.state)}) · project stage ${h(project.stage)} · ${h(madeText(review, extras))}</p>
${(review.record?.corrections ?? []).map((c) => `<p class="meta">Correction ${h(formatInstant(c.at))} by ${h(c.by ?? 'unknown')}: ${h(c.reason)}</p>`).join('\n')}
</header>
<div class="cols wide-right">
<section>
<h2>Goal</h2>
<dl>${goalRows.join('\n')}</dl>
</section>
<section>
<h2>Success criterion</h2>
<dl>${criterionRows.join('\n')}</dl>
</section>
</div>
<section>
<h2>Chart</h2>
<figure role="img" aria-label="${h(description)}">
${svg}
<figcaption>${h(description)}</figcaption>
</figure>
${pointTables.join('\n')}
${review.comparability ? `<p class="warning">${h(review.comparability.message)}</p>` : ''}
${review.money ? `<p class="money"><strong>In money:</strong> ${h(review.money.text)}.</p>` : ''}
</section>
<div class="cols">
<section>
<h2>Forecast</h2>
<p><strong>${h(FORECAST_LABELS[review.forecast.status])}.</strong> ${h(review.forecast.message)}</p>
<p class="sub">${h(review.forecast.method)}</p>
${thresholdMoney ? `<p class="sub">${h(thresholdMoney)}</p>` : ''}
</section>
<section>
<h2>Decision</h2>
${decisionHtml}
</section>
</div>
<div class="cols">
<section>
<h2>Delivered stories</h2>
${stories}
</section>
<section>
<h2>Carried over</h2>
${carried}
</section>
</div>
<section>
<h2>Top backlog items</h2>
${backlog}
</section>
</body>
</html>
`;
}
