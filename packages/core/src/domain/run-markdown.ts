/**
 * Markdown for a run, shared by the sprint report and the CI integrations (the GitHub job
 * summary and pull-request comment, the GitLab merge-request note): one escape, one table
 * row, one comparison table. Pure functions; user text is escaped for CommonMark.
 */
import { formatMetricText, formatMoneyShort, formatMoneyText } from './numbers-format.js';
import type { MetricMoney } from './metric-money.js';
import type { Run } from '../schemas/runs.js';

/**
 * Escapes user text for CommonMark: every character that can start inline markup (emphasis,
 * code, links, images, raw HTML, entities, table cells) gets a backslash, whitespace runs
 * (newlines included) become one space so text cannot open a new block, and a leading
 * block marker (`# `, `- `, `+ `, `---`, `===`, `1. `) is escaped too.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const inline = flat.replace(/[\\`*_[\]<>!|~&]/g, (c) => `\\${c}`);
  return inline.replace(/^([#+=-])(?=\s|$|\1)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A table row of cells that are already escaped (or are our own figures). */
export const markdownRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The hidden marker that finds the one comment/note a pull or merge request keeps updated. */
export const RUN_COMMENT_MARKER = '<!-- sextant-run-comment -->';

/** What the renderer needs of a run: the single-run POST answer carries all of it. */
export type RunForMarkdown = Pick<
  Run,
  'provenance' | 'metrics' | 'commit' | 'branch' | 'evaluationFingerprint' | 'comparison' | 'url'
> & { ci?: Run['ci'] };

export interface RunMarkdownContext {
  /** The success threshold and its direction, when the project has a criterion. */
  threshold?: { value: number; direction: 'increase' | 'decrease' } | null;
  /** Today's process on the success metric, when the scope states one. */
  currentProcess?: { name: string; value: number } | null;
  /** The run's value in money, when the project has a value model. */
  money?: MetricMoney | null;
}

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatMetricText(value);

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatMetricText(Math.abs(value))}`;
}

/** One run's success-metric figures, as the run's comparison and the sprint review give them. */
export interface RunFigures {
  metricName: string | null;
  value: number | null;
  baselineValue: number | null;
  /** Same evaluation strategy as the baseline: the difference means something. */
  comparable: boolean;
  /** The run is the baseline in force itself. */
  isBaseline: boolean;
}

/**
 * The comparison table of one run: its success metric against the baseline, the threshold
 * and today's process when known, and in money where there is a value model. The sprint
 * report's best CI run and the CI integrations' comment render it. No trailing newline.
 */
export function comparisonTableMarkdown(
  figures: RunFigures,
  context: RunMarkdownContext = {},
): string {
  const md = escapeMarkdown;
  const { value, baselineValue } = figures;
  const lines: string[] = [];
  lines.push(
    markdownRow(['', 'Value', 'This run against it']),
    markdownRow(['---', '---:', '---:']),
  );
  if (figures.metricName) lines.push(markdownRow(['This run', num(value), '']));
  if (baselineValue !== null) {
    const delta = figures.comparable && value !== null ? signed(value - baselineValue) : '–';
    lines.push(
      markdownRow([
        figures.isBaseline ? 'Baseline (this run)' : 'Baseline',
        num(baselineValue),
        delta,
      ]),
    );
  }
  const threshold = context.threshold;
  if (threshold) {
    const op = threshold.direction === 'increase' ? '≥' : '≤';
    const gap = value === null ? '–' : signed(value - threshold.value);
    lines.push(markdownRow([`Threshold (${op})`, num(threshold.value), gap]));
  }
  const current = context.currentProcess;
  if (current) {
    const gap = value === null ? '–' : signed(value - current.value);
    lines.push(markdownRow([`Today: ${md(current.name)}`, num(current.value), gap]));
  }
  const money = context.money;
  if (money) {
    const figure = money.difference ?? money.model;
    const sign = money.difference !== null;
    lines.push(
      markdownRow([
        money.difference ? 'In money, against today' : 'In money',
        `${formatMoneyText(figure.perPeriod, money.currency, sign)} a ${md(money.period)}`,
        `about ${formatMoneyShort(figure.perYear, money.currency, sign)} a year`,
      ]),
    );
  }
  return lines.join('\n');
}

/**
 * A CI run's comparison, for a job summary, a pull-request comment or a merge-request note:
 * a heading, the comparison table, what the comparison means in words, the other metrics,
 * provenance and the run's link. Ends with a newline.
 */
export function runComparisonMarkdown(
  run: RunForMarkdown,
  context: RunMarkdownContext = {},
): string {
  const md = escapeMarkdown;
  const c = run.comparison;
  const metric = c.metricName;
  const lines: string[] = [];
  lines.push(`### Sextant: ${metric ? `\`${metric.replace(/`/g, '')}\`` : 'run'}`, '');
  lines.push(
    comparisonTableMarkdown(
      {
        metricName: metric,
        value: c.value,
        baselineValue: c.baselineValue,
        comparable: c.status === 'comparable',
        isBaseline: c.isBaseline,
      },
      context,
    ),
    '',
  );
  lines.push(md(c.message), '');
  const others = Object.entries(run.metrics).filter(([name]) => name !== metric);
  if (others.length) {
    lines.push(
      `Other metrics: ${others.map(([name, value]) => `\`${name.replace(/`/g, '')}\` ${num(value)}`).join(', ')}`,
      '',
    );
  }
  const where = [
    `Provenance: **${run.provenance}**`,
    `commit \`${run.commit.replace(/`/g, '').slice(0, 12)}\``,
    ...(run.branch ? [`branch ${md(run.branch)}`] : []),
    ...(run.evaluationFingerprint ? [`evaluation \`${run.evaluationFingerprint}\``] : []),
  ];
  lines.push(`${where.join(', ')}. [The run in Sextant](${encodeURI(run.url)})`);
  return `${lines.join('\n')}\n`;
}
