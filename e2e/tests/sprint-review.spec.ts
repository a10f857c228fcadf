import type { Page } from '@playwright/test';
import { Api } from '../support/api.js';
import { METRIC, postRun, seedReviewHistory, seedRunsProject } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';

/** Widest content on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const overflow = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollWidth');

test('the sprint review charts the best CI run per sprint against baseline and threshold, and records a decision', async ({
  page,
  server,
  account,
  api,
}) => {
  const projectName = unique('Pump failure prediction');
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: projectName,
  });
  const { first, second } = await seedReviewHistory(api, ci, projectId);
  await api.post(`/projects/${projectId}/backlog`, {
    observation: 'Most missed failures are pumps restarted after maintenance.',
    proposedChange: 'Add days since the last maintenance as a feature',
    effort: { size: 'S' },
    expectedImpact: '+0.05 hit rate@10',
  });
  await api.post(`/projects/${projectId}/backlog`, {
    observation: 'Night-shift failures are scored low: the night sensors report less often.',
    proposedChange: 'Resample the night sensors to the day rate',
    effort: { size: 'L' },
    expectedImpact: '+0.1 hit rate@10 at night',
  });

  await signIn(page, account);
  // From the sprints table, the active sprint's review.
  await page.goto(`/projects/${projectId}/sprints`);
  await page
    .getByRole('table', { name: 'Sprints' })
    .getByRole('row', { name: new RegExp(second.name) })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${second.name} review` }),
  ).toBeVisible();

  // The chart: drawn as SVG, with the threshold, baseline and today's-process lines labelled.
  const chartRegion = page.getByRole('region', { name: `${METRIC} per sprint` });
  const svg = chartRegion.locator('svg').first();
  await expect(svg).toBeVisible();
  await expect(svg.locator('text', { hasText: 'threshold 0.6' })).toBeVisible();
  await expect(svg.locator('text', { hasText: 'baseline 0.35' })).toBeVisible();
  await expect(svg.locator('text', { hasText: /^today \d/ })).toBeVisible();
  await expect(chartRegion.getByRole('img').first()).toHaveAttribute(
    'aria-label',
    // Each sprint against the bar it started with: the first run (0.3), then what the
    // first sprint's close promoted (0.35).
    new RegExp(
      `${first.name}: best CI 0.35, baseline 0.3; ${second.name}: best CI 0.42, baseline 0.35`,
    ),
  );
  // The manual run (0.9) is never charted.
  await expect(svg.locator('text', { hasText: '0.9' })).toHaveCount(0);

  // The figures table says the same in numbers.
  const figures = chartRegion.getByRole('table', { name: `${METRIC} per sprint` });
  const firstRow = figures.getByRole('row', { name: new RegExp(first.name) });
  const secondRow = figures.getByRole('row', { name: new RegExp(second.name) });
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText('0.35');
  await expect(firstRow.getByRole('cell').nth(2)).toHaveText('0.3');
  await expect(secondRow.getByRole('cell').nth(1)).toHaveText('0.42');
  await expect(secondRow.getByRole('cell').nth(2)).toHaveText('0.35');
  await expect(secondRow.getByRole('cell').nth(5)).toHaveText('1');

  // In money: (0.42 − 0.25 today) × 5,000 a missed failure = 850 a day, × 365 = 310,250.
  await expect(chartRegion.locator('.review-money')).toHaveText(
    'In money: 0.42 caught a day against 0.25 today: +€850.00 a day, about +€310 k a year.',
  );
  // Forecast: pace +0.07 per sprint, (0.6 − 0.42) / 0.07 → 3 more sprints.
  const forecast = page.getByRole('region', { name: 'Forecast' });
  await expect(forecast).toContainText('In sight');
  await expect(forecast).toContainText('3 more sprints');
  await expect(forecast).toContainText('least-squares slope');
  const goal = page.getByRole('region', { name: 'Goal and success criterion' });
  await expect(goal).toContainText('Halve unplanned pump downtime');
  await expect(goal).toContainText('≥ 0.6');
  await expect(page.getByRole('region', { name: 'Delivered in this sprint' })).toContainText(
    'Rolling vibration features',
  );
  // The simplest open idea first.
  const ideas = page.getByRole('list', { name: 'Simplest open ideas' }).getByRole('listitem');
  await expect(ideas).toHaveCount(2);
  await expect(ideas.first()).toContainText('Add days since the last maintenance');

  // Dropping asks first; cancel it.
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: /Drop/ }).check();
  await decision.getByRole('textbox', { name: 'Rationale' }).fill('The plant closes next year.');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByRole('group', { name: 'Confirm the drop' })).toContainText(
    `Dropping moves ${projectName} to Dropped`,
  );
  await decision.getByRole('button', { name: 'Cancel' }).click();

  // A rationale is required.
  await decision.getByRole('radio', { name: /Continue/ }).check();
  await decision.getByRole('textbox', { name: 'Rationale' }).fill('');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByText('Write the rationale: why this decision.')).toBeVisible();

  const rationale = 'Hit rate climbs 0.07 a sprint; one more sprint on vibration features.';
  await decision.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByText('Decision recorded.')).toBeVisible();
  const recorded = decision.getByRole('group', { name: 'Recorded decision' });
  await expect(recorded).toContainText('Continue');
  await expect(recorded).toContainText(rationale);
  await expect(recorded).toContainText(account.name);
  await expect(decision.getByRole('button', { name: 'Record a new decision' })).toBeVisible();
  // It is on record: a reload shows it, and the project stays in its stage.
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Decision' })
      .getByRole('group', { name: 'Recorded decision' }),
  ).toContainText(rationale);
  // The sprint-demo report is one click away, with the decision in it.
  const pdf = page.getByRole('link', { name: 'Report (PDF)' });
  await expect(pdf).toHaveAttribute('href', /\/api\/v1\/sprints\/[^/]+\/report\.pdf$/);
  const html = await page.request.get(
    (await page.getByRole('link', { name: 'HTML', exact: true }).getAttribute('href')) ?? '',
  );
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain(rationale);
  await saveScreenshot(page, 'sprint-review');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(svg).toBeVisible();
  await expect(svg.locator('text', { hasText: 'threshold 0.6' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, 'sprint-review-390');
});

test("a closed sprint's review is its record: a later run in its dates changes nothing on the page", async ({
  page,
  server,
  account,
  api,
}) => {
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  const { first } = await seedReviewHistory(api, ci, projectId);
  await signIn(page, account);
  await page.goto(`/projects/${projectId}/sprints/${first.id}/review`);
  await expect(page.getByRole('heading', { level: 1, name: `${first.name} review` })).toBeVisible();
  await expect(page.getByText(/The record of the close/)).toBeVisible();
  const figures = page.getByRole('table', { name: `${METRIC} per sprint` });
  const before = await figures.innerText();
  const main = await page.getByRole('main').innerText();

  // A CI run reported now, dated inside the closed sprint: it joins no sprint, and says why.
  const late = await postRun(ci, projectId, { value: 0.59, day: -16 });
  const run = await api.call<{ sprintId: string | null; sprintNote: string }>(
    'GET',
    `/runs/${late.id}`,
  );
  expect(run.sprintId).toBeNull();
  expect(run.sprintNote).toContain('closed');

  await page.reload();
  await expect(page.getByText(/The record of the close/)).toBeVisible();
  expect(await figures.innerText()).toBe(before);
  expect(await page.getByRole('main').innerText()).toBe(main);
  await expect(figures).not.toContainText('0.59');
  await saveScreenshot(page, 'sprint-review-record');

  await page.goto(`/projects/${projectId}/runs/${late.id}`);
  await expect(page.getByText(run.sprintNote)).toBeVisible();
});

test('a viewer reads the review and its decision but cannot record one', async ({
  page,
  server,
  api,
}) => {
  const { teamId, projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  const { first } = await seedReviewHistory(api, ci, projectId);
  await api.post(`/sprints/${first.id}/decision`, {
    decision: 'continue',
    rationale: 'The baseline is set; features next.',
  });
  const viewer = await createAccount(server, 'Vera Viewer');
  await api.post(`/teams/${teamId}/members`, { email: viewer.email, role: 'viewer' });
  await expect(
    (await Api.forAccount(server, viewer)).post(`/sprints/${first.id}/decision`, {
      decision: 'drop',
      rationale: 'no',
    }),
  ).rejects.toThrow(/403/);

  await signIn(page, viewer);
  await page.goto(`/projects/${projectId}/sprints/${first.id}`);
  await page.getByRole('link', { name: 'Sprint review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first.name} review` })).toBeVisible();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.getByRole('group', { name: 'Recorded decision' })).toContainText(
    'The baseline is set; features next.',
  );
  await expect(decision.getByRole('radio')).toHaveCount(0);
  await expect(decision.getByRole('button')).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: `${METRIC} per sprint` })
      .locator('svg')
      .first(),
  ).toBeVisible();
});

test('improvement ideas: added on the backlog page, reordered simplest first, shown on the review', async ({
  page,
  server,
  account,
  api,
}) => {
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  const { second } = await seedReviewHistory(api, ci, projectId);
  const run = await postRun(ci, projectId, { value: 0.4, day: -2 });

  await signIn(page, account);
  await page.goto(`/projects/${projectId}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Backlog' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backlog' })).toBeVisible();
  await expect(page.getByText('No improvement ideas yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add an idea' }).click();
  let form = page.getByRole('form', { name: 'Add an improvement idea' });
  await form
    .getByLabel('What the largest errors showed')
    .fill('Night-shift failures are scored low.');
  await form.getByLabel('Proposed change').fill('Resample the night sensors to the day rate');
  await form.getByRole('radio', { name: 'L' }).check({ force: true });
  await form.getByLabel('Expected impact').fill('+0.1 hit rate@10 at night');
  await form.getByRole('button', { name: 'Add idea' }).click();
  await expect(form).toHaveCount(0);

  // From a run: the form opens linked to it; a 2-day estimate sorts before L (8 days).
  await page.goto(`/projects/${projectId}/runs/${run.id}`);
  await page.getByRole('link', { name: 'Add an improvement idea' }).click();
  form = page.getByRole('form', { name: 'Add an improvement idea' });
  await expect(form.getByLabel('Run it came from')).toHaveValue(run.id);
  await form
    .getByLabel('What the largest errors showed')
    .fill('Restarted pumps look healthy for a week.');
  await form.getByLabel('Proposed change').fill('Add days since the last maintenance');
  await form.getByRole('radio', { name: 'Days' }).check({ force: true });
  await form.getByLabel('Working days').fill('2');
  await form.getByLabel('Expected impact').fill('+0.05 hit rate@10');
  await form.getByRole('button', { name: 'Add idea' }).click();

  const table = page.getByRole('table', { name: 'Improvement ideas' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText(
    'Add days since the last maintenance',
  );
  await expect(table.locator('tbody tr').first()).toContainText('2 days');
  await expect(
    table.locator('tbody tr').first().getByRole('link', { name: 'From a run' }),
  ).toBeVisible();

  // Done ideas drop below the open ones, and off the review's list.
  await table
    .getByRole('combobox', { name: 'Status of “Add days since the last maintenance”' })
    .selectOption('done');
  await expect(table.locator('tbody tr').first()).toContainText('Resample the night sensors');
  await expect(table.locator('tbody tr').last()).toHaveClass(/is-muted/);
  await saveScreenshot(page, 'backlog-page');

  await page.goto(`/projects/${projectId}/sprints/${second.id}/review`);
  const ideas = page.getByRole('list', { name: 'Simplest open ideas' }).getByRole('listitem');
  await expect(ideas).toHaveCount(1);
  await expect(ideas.first()).toContainText('Resample the night sensors');
  await expect(ideas.first()).toContainText('L · 8 days');
});
