/**
 * The sprint-demo report: HTML in the browser, and the PDF turned into a PNG page that must
 * show the chart (kept as e2e/artifacts/sprint-report-pdf.png).
 *
 * PDF → PNG: `pdftoppm` (Debian's poppler-utils, installed by .ci/run). Poppler is an
 * independent PDF renderer, so the check proves the PDF file itself carries the chart, not
 * that Chromium can redraw its own output; `pdftotext` from the same package gives the text
 * layer. The alternative, pdf.js drawing onto a canvas in the page, needs no system package
 * but adds an npm dependency and its worker script to serve to the page.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromNow, seedProject, type Api } from '../support/api.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';
import { artifactPath } from '../support/paths.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedTwelveSprints } from '../support/long-project.js';
import { addStory, planSprint } from '../support/sprints.js';

/** The best-CI line's colour in the chart (CHART_COLORS.bestCi in server/src/reports/review-chart.ts). */
const BEST_CI_RGB = [0x4f, 0x46, 0xe5] as const;
/** The threshold's dashed line (CHART_COLORS.threshold). */
const THRESHOLD_RGB = [0xc6, 0x28, 0x28] as const;
const DPI = 100;

interface Rgb {
  width: number;
  height: number;
  pixels: Buffer;
}

/** A binary PPM (P6, maxval 255), which is what `pdftoppm` writes without `-png`. */
function readPpm(file: string): Rgb {
  const data = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not a P6 PPM`);
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: data.subarray(header[0].length),
  };
}

/** Pixels within `tolerance` (Euclidean, in RGB) of `color`, in rows [top, bottom). */
function countColor(image: Rgb, color: readonly number[], top: number, bottom: number): number {
  let count = 0;
  const [r, g, b] = color as [number, number, number];
  for (let y = Math.max(0, top); y < Math.min(image.height, bottom); y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 3;
      const dr = image.pixels[i]! - r;
      const dg = image.pixels[i + 1]! - g;
      const db = image.pixels[i + 2]! - b;
      if (dr * dr + dg * dg + db * db < 40 * 40) count += 1;
    }
  }
  return count;
}

/** Words of the PDF's first page with their boxes in points, from `pdftotext -bbox`. */
function wordsOfFirstPage(pdf: string): { text: string; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ yMin: Number(m[1]), yMax: Number(m[2]), text: m[3]! }));
}

function havePoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A project at its second sprint demo: CI runs in two sprints, a delivered story, a decision. */
async function projectAtDemo(api: Api, serverUrl: string) {
  const { projectId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: unique('Churn early warning'),
  });
  const ci = await api.post<{ token: string }>(`/projects/${projectId}/ci-tokens`, { name: 'ci' });
  const postRun = async (value: number, day: number) => {
    const response = await fetch(`${serverUrl}/api/v1/projects/${projectId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ci.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metrics: { hit_rate_at_25: value },
        commit: '9f8e7d6',
        finishedAt: `${dayFromNow(day)}T10:00:00Z`,
        ci: {
          provider: 'github-actions',
          jobId: `job-${day}`,
          jobUrl: 'https://ci.example.test/1',
        },
      }),
    });
    expect(response.status).toBe(201);
  };
  const first = await planSprint(api, projectId, -21, -8, 'A baseline under a fixed evaluation');
  const second = await planSprint(api, projectId, -7, 6, 'Usage-drop features');
  await postRun(1.8, -18);
  await postRun(2.6, -12);
  await api.post(`/sprints/${first.id}/start`);
  await api.post(`/sprints/${first.id}/close`, { carryOver: [] });
  await postRun(3.4, -3);
  await api.post(`/sprints/${second.id}/start`);
  await addStory(api, second.id, {
    title: 'Usage-drop features over 4 weeks',
    type: 'pipeline',
    what: 'A feature pipeline scored nightly in CI',
    done: true,
  });
  await api.post(`/projects/${projectId}/backlog`, {
    observation: 'The largest misses were customers on annual contracts',
    proposedChange: 'Add months to renewal as a feature',
    effort: { size: 'S' },
    expectedImpact: '+0.5 hit rate@25',
  });
  await api.post(`/sprints/${second.id}/decision`, {
    decision: 'continue',
    rationale: 'The hit rate climbs by about 0.8 a sprint; two more sprints to the threshold.',
  });
  return { projectId, sprintId: second.id };
}

test('the sprint-demo PDF turns into a PNG page that shows the chart', async ({
  page,
  server,
  account,
  api,
}, testInfo) => {
  expect(havePoppler(), 'pdftoppm and pdftotext are needed: apt-get install poppler-utils').toBe(
    true,
  );
  const { sprintId } = await projectAtDemo(api, server.url);
  await signIn(page, account);

  // The HTML report, as the browser shows it: the chart is inline SVG.
  await page.goto(`/api/v1/sprints/${sprintId}/report.html`);
  await expect(page.getByRole('heading', { level: 1, name: /^Sprint review: / })).toBeVisible();
  await expect(page.locator('figure svg')).toBeVisible();
  await expect(page.getByText('threshold 5', { exact: true })).toBeVisible();
  await expect(page.getByText('Usage-drop features over 4 weeks')).toBeVisible();
  await saveScreenshot(page, 'sprint-report-html', testInfo);

  // The PDF, fetched with the page's own session.
  const response = await page.request.get(`/api/v1/sprints/${sprintId}/report.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(
    /^inline; filename="churn-early-warning-[0-9a-f]{4}-sprint-2-review\.pdf"$/,
  );
  const body = await response.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const dir = mkdtempSync(join(tmpdir(), 'sextant-report-'));
  try {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, body);
    const page1 = ['-f', '1', '-l', '1', '-r', String(DPI), '-singlefile'];
    execFileSync('pdftoppm', [...page1, '-png', pdf, join(dir, 'page')]);
    execFileSync('pdftoppm', [...page1, pdf, join(dir, 'page')]);
    copyFileSync(join(dir, 'page.png'), artifactPath('sprint-report-pdf.png'));
    await testInfo.attach('sprint-report-pdf', {
      path: artifactPath('sprint-report-pdf.png'),
      contentType: 'image/png',
    });

    // The text layer holds the chart's labels: its legend, its threshold line, its axis.
    const words = wordsOfFirstPage(pdf);
    const text = words.map((w) => w.text).join(' ');
    expect(text).toContain('Best CI run');
    expect(text).toContain('threshold 5');
    expect(text).toContain('hit_rate_at_25');
    expect(text).toContain('Sprint 2');
    // The money line: the best CI run in the value model's terms.
    expect(text).toContain('In money:');

    // The picture: the best-CI line and the red threshold line are drawn in the chart's box,
    // which starts at its legend and is 320/720 of the 180 mm text width tall.
    const image = readPpm(join(dir, 'page.ppm'));
    // A4 is 8.27 in wide; Chromium rounds the page up by a point or so.
    expect(Math.abs(image.width - (210 / 25.4) * DPI)).toBeLessThan(3);
    const legend = words.findIndex(
      (w, i) => w.text === 'Best' && words[i + 1]?.text === 'CI' && words[i + 2]?.text === 'run',
    );
    expect(legend).toBeGreaterThanOrEqual(0);
    const px = (points: number) => Math.round((points / 72) * DPI);
    const top = px(words[legend]!.yMin) - 5;
    const bottom = top + px(((180 / 25.4) * 72 * 320) / 720) + 5;
    const line = countColor(image, BEST_CI_RGB, top, bottom);
    const threshold = countColor(image, THRESHOLD_RGB, top, bottom);
    testInfo.annotations.push({
      type: 'chart pixels',
      description: `rows ${top}–${bottom}: ${line} best-CI, ${threshold} threshold`,
    });
    expect(line).toBeGreaterThan(300);
    expect(threshold).toBeGreaterThan(150);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the PDF of a twelfth sprint with six stories and five backlog items is one A4 page', async ({
  page,
  server,
  account,
  api,
}, testInfo) => {
  test.setTimeout(120_000);
  expect(havePoppler(), 'pdfinfo and pdftotext are needed: apt-get install poppler-utils').toBe(
    true,
  );
  const { sprintIds } = await seedTwelveSprints(api, server.url);
  await signIn(page, account);
  const response = await page.request.get(`/api/v1/sprints/${sprintIds[11]}/report.pdf`);
  expect(response.status()).toBe(200);

  const dir = mkdtempSync(join(tmpdir(), 'sextant-report-'));
  try {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await response.body());
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/m);
    execFileSync('pdftoppm', ['-r', '80', '-singlefile', '-png', pdf, join(dir, 'page')]);
    copyFileSync(join(dir, 'page.png'), artifactPath('sprint-report-12-sprints.png'));
    await testInfo.attach('sprint-report-12-sprints', {
      path: artifactPath('sprint-report-12-sprints.png'),
      contentType: 'image/png',
    });

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // The money line, the carried-over stories, the twelfth sprint and the last backlog item.
    expect(text).toContain('In money:');
    expect(text).toMatch(/Carried over\s/);
    expect(text).toContain('Alarm history backfill to 2019');
    expect(text).toContain('Drift report per press');
    expect(text).toContain('Sprint 12');
    expect(text).toContain('Backlog change number 5');
    // Dates in the one style: `2 Dec 2026`, never 2026-12-02.
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
