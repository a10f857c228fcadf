/**
 * The sprint-review chart keeps its labels readable: no value, threshold, today's-process or
 * baseline label overlaps another or sits on a line, for a review of 1, 3 and 12 sprints, on
 * the review page and in the report's chart (drawn by the server), measured in Chromium.
 */
import { expect, signIn, test } from '../support/fixtures.js';
import { checkChartLabels } from '../support/chart-labels.js';
import { CLIMB, seedTwelveSprints } from '../support/long-project.js';
import { saveScreenshot } from '../support/screenshots.js';

/** --text, --accent, #0f766e (baseline), --danger, --warning; the report's colours are the same. */
const VALUE = '#1b1f24';
const LINES = ['#4f46e5', '#0f766e', '#c62828', '#a15c07'];

test('review chart labels never overlap each other or the lines, for 1, 3 and 12 sprints', async ({
  page,
  server,
  account,
  api,
}, testInfo) => {
  test.setTimeout(120_000);
  const { projectId, sprintIds } = await seedTwelveSprints(api, server.url);
  await signIn(page, account);

  for (const n of [1, 3, 12]) {
    const sprintId = sprintIds[n - 1]!;
    await page.goto(`/projects/${projectId}/sprints/${sprintId}/review`);
    const svg = page.locator('.review-chart__canvas svg');
    // Drawn: every sprint's value has its label (the figures are distinct at this width).
    await expect(svg.locator('text', { hasText: /^threshold 2$/ })).toBeVisible();
    const onPage = await checkChartLabels(svg, { value: VALUE, lines: LINES });
    expect(onPage.values.map((v) => v.text)).toEqual(CLIMB.slice(0, n).map(String));
    expect(onPage.lines.map((l) => l.text.replace(/ [\d.]+$/, '')).sort()).toEqual([
      'baseline',
      'threshold',
      'today',
    ]);
    expect(onPage.overlaps, `page, ${n} sprints`).toEqual([]);
    expect(onPage.onLines, `page, ${n} sprints`).toEqual([]);
    await saveScreenshot(page, `review-chart-${n}-sprints`, testInfo);

    await page.goto(`/api/v1/sprints/${sprintId}/report.html`);
    const report = page.locator('figure svg');
    await expect(report).toBeVisible();
    const printed = await checkChartLabels(report, { value: VALUE, lines: LINES });
    expect(printed.values.map((v) => v.text)).toEqual(CLIMB.slice(0, n).map(String));
    expect(printed.lines).toHaveLength(3);
    expect(printed.overlaps, `report, ${n} sprints`).toEqual([]);
    expect(printed.onLines, `report, ${n} sprints`).toEqual([]);
  }
});
