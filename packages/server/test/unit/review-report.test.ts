import { describe, expect, it } from 'vitest';
import {
  AppError,
  comparisonTableMarkdown,
  type ReviewPoint,
  type SprintReview,
} from '@sextant/core';
import { PdfPrinter } from '../../src/reports/pdf.js';
import {
  CHART_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  renderReviewChart,
} from '../../src/reports/review-chart.js';
import {
  escapeMarkdown,
  reviewHtml,
  reviewMarkdown,
  type ReportExtras,
} from '../../src/reports/review-report.js';

function point(name: string, best: number | null, baseline: number | null): ReviewPoint {
  return {
    sprintId: `id-${name}`,
    name,
    number: 1,
    startDate: '2026-01-05',
    endDate: '2026-01-16',
    state: 'closed',
    bestCiValue: best,
    bestRunId: null,
    baselineValue: baseline,
    promotedValue: null,
    notComparableRuns: 0,
    manualRuns: 0,
  };
}

const HOSTILE = '<script>alert("x")</script> *bold* [link](javascript:alert(1)) | pipe';

function review(overrides: Partial<SprintReview> = {}): SprintReview {
  return {
    sprint: {
      id: 's3',
      projectId: 'p1',
      name: 'Sprint 3',
      number: 3,
      state: 'closed',
      startDate: '2026-02-02',
      endDate: '2026-02-13',
      closedOn: '2026-02-13',
      goal: 'Rolling vibration features',
    },
    record: null,
    project: { id: 'p1', name: 'Pump failures', stage: 'poc' },
    metric: { name: 'hit_rate_at_10', direction: 'increase' },
    threshold: 2,
    evaluationFingerprint: '0123456789abcdef',
    currentProcess: { name: 'Planners’ list', value: 0.8 },
    goal: { text: 'Cut unplanned downtime by 30 %', target: 70 },
    baseline: null,
    points: [
      point('Sprint 1', 0.35, 0.35),
      point('Sprint 2', 0.9, 0.9),
      point('Sprint 3', 1.4, 1.4),
    ],
    forecast: {
      status: 'in_sight',
      sprintsNeeded: 2,
      pacePerSprint: 0.525,
      method: 'Least-squares slope of the best CI value per sprint.',
      message: 'At 0.525 per sprint the threshold is 2 sprints away.',
    },
    money: null,
    comparability: null,
    decision: {
      id: 'd1',
      sprintId: 's3',
      decision: 'continue',
      rationale: 'Climbing; one more sprint on features.',
      decidedBy: { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.test' },
      decidedAt: '2026-02-13T15:00:00.000Z',
      stageChange: null,
      recordTakenAt: null,
    },
    deliveredStories: [
      { id: 'st1', title: 'Rolling features', deliverable: 'A feature pipeline in CI' },
    ],
    carriedOverStories: [{ id: 'st2', title: 'Label the pumps', carriedToId: 'st9' }],
    ...overrides,
  };
}

const EXTRAS: ReportExtras = {
  criterion: {
    metricName: 'hit_rate_at_10',
    metricText: 'hit rate@10',
    direction: 'increase',
    threshold: 2,
    evaluation: 'expanding train window, test window 1d, step 1d',
    evaluationFingerprint: '0123456789abcdef',
    valueModel: null,
  },
  topBacklog: [
    {
      proposedChange: 'Add the weather forecast as a feature',
      observation: 'Most misses were on hot days',
      effort: 'S (1 day)',
      expectedImpact: '+0.2 hit rate@10',
      status: 'idea',
    },
  ],
  generatedAt: '2026-02-13T16:00:00.000Z',
};

/** The best-CI series' point symbols: one filled path per value, placed by a matrix transform. */
function bestCiPoints(svg: string): number {
  const symbol = new RegExp(
    `<path [^>]*transform="matrix\\([^"]*\\)" fill="${CHART_COLORS.bestCi}"`,
    'g',
  );
  return svg.match(symbol)?.length ?? 0;
}

describe('renderReviewChart', () => {
  const input = {
    metricName: 'hit_rate_at_10',
    points: [
      point('Sprint 1', 0.35, 0.35),
      point('Sprint 2', null, 0.35),
      point('Sprint 3', 1.4, 1.4),
    ],
    threshold: 2,
    currentProcess: { name: 'Planners’ list', value: 0.8 },
  };

  it('draws a fixed-size SVG with the threshold label and one point per sprint value', () => {
    const svg = renderReviewChart(input);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`);
    expect(svg).toContain(`viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"`);
    expect(svg).toMatch(/>threshold 2<\/text>/);
    expect(svg).toContain('>today 0.8</text>');
    expect(svg).toContain('Today: Planners’ list');
    // Sprint 2 has no CI run: two points, not three.
    expect(bestCiPoints(svg)).toBe(2);
    expect(svg).toContain(`stroke="${CHART_COLORS.threshold}"`);
    expect(svg).toMatch(/stroke-dasharray/);
    for (const name of ['Sprint 1', 'Sprint 2', 'Sprint 3'])
      expect(svg).toContain(`>${name}</text>`);
    // The baseline is a step line with its end label.
    expect(svg).toContain('baseline 1.4');
  });

  it('gives the same bytes for the same review, whatever was drawn before', () => {
    const first = renderReviewChart(input);
    renderReviewChart({ ...input, threshold: 3 });
    expect(renderReviewChart(input)).toBe(first);
    expect(first).not.toMatch(/\bzr\d+-/);
  });

  it('escapes names and never reads them as ECharts templates', () => {
    const svg = renderReviewChart({
      ...input,
      points: [point('<b>S1</b> & {b} {a|x}', 0.3, null)],
      currentProcess: { name: '<img src=x onerror=alert(1)>', value: 0.1 },
    });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;b&gt;S1&lt;/b&gt; &amp; {b} {a|x}');
    expect(svg).toContain('Today: &lt;img src=x onerror=alert(1)&gt;');
    expect(bestCiPoints(svg)).toBe(1);
  });

  it('says so when there is nothing to chart', () => {
    const svg = renderReviewChart({
      metricName: null,
      points: [point('Sprint 1', null, null)],
      threshold: null,
      currentProcess: null,
    });
    expect(svg).toContain('No success criterion yet');
    expect(bestCiPoints(svg)).toBe(0);
  });
});

describe('reviewMarkdown', () => {
  it('has every section, the figures and the embedded chart', () => {
    const md = reviewMarkdown(review(), EXTRAS);
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Sprint review: Pump failures — Sprint 3',
      '## Goal',
      '## Success criterion',
      '## Chart',
      '## Forecast',
      '## Decision',
      '## Delivered stories',
      '## Carried over',
      '## Top backlog items',
    ]);
    expect(md).toContain('- **Sprint goal:** Rolling vibration features');
    expect(md).toContain('- **Metric:** hit rate@10, threshold ≥ 2');
    expect(md).toContain('| Sprint 3 | 1.4 | 1.4 | 0 | 0 |');
    expect(md).toMatch(
      /!\[Best CI value of hit\\_rate\\_at\\_10 per sprint[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/,
    );
    expect(md).toContain('**Continue** by Ada Lovelace, 13 Feb 2026, 15:00 UTC.');
    expect(md).toContain('- **Rolling features** — A feature pipeline in CI');
    expect(md).toContain('## Carried over\n\n- Label the pumps\n');
    expect(md).toContain('1. **Add the weather forecast as a feature** (effort S (1 day), idea)');
    expect(md).toContain('Generated 13 Feb 2026, 16:00 UTC.');
  });

  it('shows the sprint’s best CI run in the table the CI comments show (core’s renderer)', () => {
    const here = { ...point('Sprint 3', 1.4, 0.9), sprintId: 's3', bestRunId: 'run-42' };
    const md = reviewMarkdown(review({ points: [point('Sprint 2', 0.9, 0.9), here] }), EXTRAS);
    const table = comparisonTableMarkdown(
      {
        metricName: 'hit_rate_at_10',
        value: 1.4,
        baselineValue: 0.9,
        comparable: true,
        isBaseline: false,
      },
      {
        threshold: { value: 2, direction: 'increase' },
        currentProcess: { name: 'Planners’ list', value: 0.8 },
      },
    );
    expect(md).toContain(`**This sprint’s best CI run** (\`run-42\`):\n\n${table}\n`);
    expect(table).toContain('| Baseline | 0.9 | +0.5 |');
    expect(table).toContain('| Threshold (≥) | 2 | −0.6 |');
    expect(table).toContain('| Today: Planners’ list | 0.8 | +0.6 |');
    // Without a best run this sprint there is no such table.
    expect(reviewMarkdown(review(), EXTRAS)).not.toContain('best CI run**');
  });

  it('escapes user text so it cannot add markup, links, HTML or table cells', () => {
    const md = reviewMarkdown(
      review({
        deliveredStories: [
          { id: 'st1', title: HOSTILE, deliverable: '# not a heading\n- nor a list' },
        ],
        decision: null,
        points: [point(`Sprint | 1\n# two`, 0.3, null)],
      }),
      { ...EXTRAS, topBacklog: [] },
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain(
      '\\<script\\>alert("x")\\</script\\> \\*bold\\* \\[link\\](javascript:alert(1)) \\| pipe',
    );
    expect(md).toContain('— \\# not a heading - nor a list');
    expect(md).toContain('| Sprint \\| 1 # two | 0.3 | – | 0 | 0 |');
    expect(md).toContain('_No decision recorded yet._');
    expect(md).toContain('_No open backlog item._');
    expect(md.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(9);
  });

  it('escapes block markers only where they would start a block', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('+0.2 hit rate')).toBe('+0.2 hit rate');
    expect(escapeMarkdown('R&D <team>\n\nnext')).toBe('R\\&D \\<team\\> next');
  });
});

describe('reviewHtml', () => {
  it('is one self-contained page with the chart inline and every user text escaped', () => {
    const html = reviewHtml(
      review({
        sprint: { ...review().sprint, goal: HOSTILE },
        project: { id: 'p1', name: '<i>P</i>', stage: 'poc' },
      }),
      EXTRAS,
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('>threshold 2</text>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>P</i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<span class="badge continue">Continue</span>');
    expect(html).toContain('<h2>Carried over</h2>\n<ul><li>Label the pumps</li></ul>');
    expect(html).not.toMatch(/<(link|img|script)\b/);
  });
});

describe('PdfPrinter', () => {
  it('answers 503 `unavailable` with a clear message when Chromium is missing', async () => {
    const printer = new PdfPrinter('/nonexistent/chromium');
    const failure = await printer.print('<p>x</p>').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'unavailable',
      status: 503,
      details: { executablePath: '/nonexistent/chromium' },
    });
    expect((failure as AppError).message).toContain('SEXTANT_CHROMIUM');
    await printer.close();
  });
});
