import type { Page } from '@playwright/test';
import { METRIC, OTHER_STRATEGY, postRun, seedRunsProject, type RunRef } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { planSprint } from '../support/sprints.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

/** Widest content on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const overflow = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollWidth');

test('runs page: provenance badges, filters, sort, not-comparable runs and two runs compared', async ({
  page,
  server,
  account,
  api,
}) => {
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  const sprint = await planSprint(api, projectId, -10, 3, 'Rolling vibration features');
  await api.post(`/sprints/${sprint.id}/start`);
  const runs: RunRef[] = [];
  runs.push(await postRun(ci, projectId, { value: 0.31, day: -9 }));
  runs.push(
    await postRun(ci, projectId, {
      value: 0.36,
      day: -7,
      branch: 'feature/vibration',
      params: { model: 'gradient_boosting', learning_rate: 0.1, max_depth: 6 },
    }),
  );
  runs.push(await postRun(ci, projectId, { value: 0.52, day: -5, evaluation: OTHER_STRATEGY }));
  // A person posts a run from a laptop: manual, shown with its badge, never counted.
  const manual = await postRun(api, projectId, { value: 0.9, day: -3, branch: 'laptop' }, false);
  expect(manual.provenance).toBe('manual');

  await signIn(page, account);
  await page.goto(`/projects/${projectId}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Runs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Runs' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(table.getByRole('columnheader', { name: METRIC })).toBeVisible();

  // Newest first: the manual run, with its badge and what it means.
  const manualBadge = rows.first().getByText('Manual', { exact: true });
  await expect(manualBadge).toBeVisible();
  await expect(manualBadge).toHaveAttribute('title', /never used for baselines, charts or KPIs/);
  await expect(rows.first()).toContainText('Not counted');
  // The run under another strategy says so.
  await expect(rows.nth(1)).toContainText('Not comparable');
  await expect(rows.nth(1)).toContainText('evaluation strategy changed');
  await expect(rows.nth(1)).toContainText(sprint.name);
  await expect(rows.nth(2)).toContainText('Beats baseline');

  // CI only: the manual run is gone.
  const filters = page.getByRole('group', { name: 'Filter and sort runs' });
  await filters.getByLabel('Provenance').selectOption('ci');
  await expect(rows).toHaveCount(3);
  await expect(table.getByText('Manual', { exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(/provenance=ci/);

  // One branch.
  await filters.getByLabel('Branch').fill('feature/vibration');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('0.36');
  await filters.getByLabel('Branch').fill('');
  await expect(rows).toHaveCount(3);

  // By the success metric, lowest first.
  await filters.getByLabel('Sort by').selectOption(METRIC);
  await filters.getByLabel('Order').selectOption('asc');
  await expect(rows.first()).toContainText('0.31');
  await expect(rows.last()).toContainText('0.52');

  // Compare the first CI run with the one under another strategy.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await expect(rows.nth(1).getByRole('checkbox')).toBeDisabled();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Two runs side by side' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('note')).toContainText(
    'Not comparable: evaluation strategy changed.',
  );
  const metrics = compare.getByRole('table', { name: 'Metrics compared' });
  const keyRow = metrics.getByRole('row', { name: new RegExp(`^${METRIC}`) });
  await expect(keyRow).toContainText('0.31');
  await expect(keyRow).toContainText('0.52');
  await expect(keyRow.getByRole('cell').last()).toHaveText('+0.21');
  await saveScreenshot(page, 'runs-page');

  // Two runs under the same strategy: no warning, and the parameters that differ are marked.
  await compare.getByRole('button', { name: 'Close comparison' }).click();
  await expect(compare).toHaveCount(0);
  await filters.getByLabel('Sort by').selectOption('');
  const tick = (run: RunRef) =>
    table
      .getByRole('checkbox', { name: new RegExp(`Select run ${run.commit.slice(0, 7)} `) })
      .check();
  await tick(runs[0]!);
  await tick(runs[1]!);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compare.getByRole('table', { name: 'Metrics compared' })).toBeVisible();
  await expect(compare.getByRole('note')).toHaveCount(0);
  const params = compare.getByRole('table', { name: 'Parameters compared' });
  await expect(params.getByRole('row', { name: /learning_rate/ })).toContainText('differs');
  await expect(params.getByRole('row', { name: /max_depth/ })).toContainText('—');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(compare.getByRole('table', { name: 'Metrics compared' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, 'runs-page-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A run's own page: where the API's `url` points.
  await page.goto(`/projects/${projectId}/runs/${runs[2]!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Run / })).toBeVisible();
  await expect(page.getByRole('note')).toContainText(
    'Not comparable: evaluation strategy changed.',
  );
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('0.52');
  await expect(page.getByRole('link', { name: /github-actions job/ })).toBeVisible();
  await saveScreenshot(page, 'run-detail');
});

test('runs page of an empty project says how CI posts runs', async ({
  page,
  server,
  account,
  api,
}) => {
  const { projectId } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  await signIn(page, account);
  await page.goto(`/projects/${projectId}/runs`);
  await expect(page.getByText('No runs yet')).toBeVisible();
  await expect(page.getByText(/sextant run report --project/)).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'API docs' })).toHaveAttribute(
    'href',
    '/api/docs',
  );
});

test('a run page’s header and its rows give the same time, and never call the arrival a finish', async ({
  page,
  server,
  account,
  api,
}) => {
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  const finished = await postRun(ci, projectId, { value: 0.31, day: -2 });
  // A pipeline that does not say when the run finished (the API allows it).
  const unstated = await ci.post<RunRef>(`/projects/${projectId}/runs`, {
    metrics: { [METRIC]: 0.27 },
    commit: '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
    ci: { provider: 'github-actions', jobId: '7001', jobUrl: 'https://ci.example.test/jobs/7001' },
  });
  await signIn(page, account);
  const fact = (label: string) =>
    page
      .locator('.facts__row')
      .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
      .getByRole('definition');
  const subtitle = page.locator('.page-header__subtitle');

  await page.goto(`/projects/${projectId}/runs/${finished.id}`);
  await expect(fact('Finished')).toHaveText(/^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}$/);
  const finishedText = await fact('Finished').innerText();
  await expect(subtitle).toHaveText(`Finished ${finishedText}`);

  await page.goto(`/projects/${projectId}/runs/${unstated.id}`);
  const receivedText = await fact('Received').innerText();
  expect(receivedText).toMatch(/^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}$/);
  await expect(subtitle).toHaveText(`Received ${receivedText} · finish not stated`);
  await expect(fact('Finished')).toHaveText('not stated');
});
