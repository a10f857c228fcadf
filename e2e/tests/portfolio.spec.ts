import { Api, seedProject } from '../support/api.js';
import { postRun, seedRunsProject } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('the portfolio lands after sign-in with health, stage funnel and filters; a fresh project’s overview shows its alerts', async ({
  page,
  account,
  api,
  server,
}) => {
  // Two projects in one team: a fully scoped one moved to POC (no alert: green), and a
  // fresh one in scoping without named user or goal (two amber alerts: amber).
  const scopedName = unique('Churn early warning');
  const { teamId, projectId: scopedId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: scopedName,
  });
  await api.post(`/projects/${scopedId}/stage`, { stage: 'poc', note: 'All gates met' });
  const freshName = unique('Demand forecast');
  const fresh = await api.post<{ id: string }>('/projects', { teamId, name: freshName });

  await signIn(page, account);
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toHaveText(
    'Portfolio',
  );

  // Workspace figures: 0 of the 2 projects reached production; 1 amber, 1 green, 0 red.
  const figures = page.getByRole('list', { name: 'Workspace figures' });
  await expect(figures).toContainText('0 of 2 (0 %) reached production — industry: about 1 in 5');
  const perHealth = figures.getByRole('list', { name: 'Projects per health' });
  await expect(perHealth.getByRole('listitem')).toHaveText([
    'Off track 0',
    'At risk 1',
    'On track 1',
  ]);

  // The stage chart is drawn (ECharts' SVG) and says its numbers to screen readers.
  const chart = page.getByRole('img', { name: /^Projects per stage: Scoping 1, POC 1, / });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg')).toBeVisible();

  // Sorted by health, worst first: the amber project above the green one.
  const table = page.getByRole('table', { name: 'Projects' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(freshName);
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('At risk2 alerts');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('Scoping');
  await expect(rows.nth(2)).toContainText(scopedName);
  await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('On track');
  await expect(rows.nth(2).getByRole('cell').nth(2)).toHaveText('POC');
  // No run, sprint, deployment, insight or ledger entry yet.
  await expect(rows.nth(2).getByRole('cell').nth(3)).toHaveText('—');
  await expect(rows.nth(2).getByRole('cell').nth(5)).toHaveText('0');
  await expect(rows.nth(2).getByRole('cell').nth(7)).toHaveText('—');
  // The health's reasons on hover.
  await expect(rows.nth(1).locator('.health-badge')).toHaveAttribute(
    'title',
    /No named user: nobody has been named who will use the solution\./,
  );
  await saveScreenshot(page, 'portfolio');

  // Filters, kept in the address: health, then words of the name.
  const filters = page.getByRole('group', { name: 'Filter the portfolio' });
  await filters.getByLabel('Health').selectOption('green');
  await expect(page).toHaveURL(/health=green/);
  await expect(table.getByRole('link')).toHaveText([scopedName]);
  await filters.getByLabel('Health').selectOption('');
  await filters.getByLabel('Search').fill(freshName);
  await expect(page).toHaveURL(/q=/);
  await expect(table.getByRole('link')).toHaveText([freshName]);
  await filters.getByLabel('Stage').selectOption('production');
  await expect(page.getByText('No project matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('link')).toHaveCount(2);

  // The fresh project's overview: amber health, KPI tiles, and its two alerts with actions.
  await table.getByRole('link', { name: freshName }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${fresh.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: freshName })).toBeVisible();
  const overview = page.getByRole('region', { name: 'Health and KPIs' });
  await expect(overview.locator('.health-badge')).toHaveText('At risk');
  const tiles = overview.getByRole('list', { name: 'Project KPIs' });
  const tile = (label: string) =>
    tiles
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: label, exact: true }) });
  await expect(tile('Criterion progress')).toContainText('—');
  await expect(tile('Last sprint success')).toContainText('no closed sprint yet');
  await expect(tile('CI runs').locator('.tile__value')).toHaveText('0');
  await expect(tile('Production deployments').locator('.tile__value')).toHaveText('—');
  await expect(tile('Insights this quarter').locator('.tile__value')).toHaveText('0');
  await expect(tile('ROI').locator('.tile__value')).toHaveText('—');
  await expect(tile('ROI').getByRole('link')).toHaveAttribute('href', `/projects/${fresh.id}/roi`);
  await expect(tile('CI runs')).toHaveAttribute('title', /.+/);
  await expect(tile('Metric in money').locator('.tile__value')).toHaveText('—');
  await expect(tile('Metric in money')).toContainText('no success criterion yet');

  const alerts = overview.getByRole('list', { name: 'Open alerts' }).getByRole('listitem');
  await expect(alerts).toHaveCount(2);
  const noUser = alerts.filter({ hasText: 'No named user' });
  await expect(noUser).toContainText('Amber');
  await expect(noUser).toContainText(/Since \d{1,2} \w{3} \d{4}/);
  await expect(noUser.getByRole('link', { name: 'Name a user in the scope' })).toHaveAttribute(
    'href',
    `/projects/${fresh.id}`,
  );
  const noGoal = alerts.filter({ hasText: 'No goal: the project has no business goal' });
  await noGoal.getByRole('link', { name: 'Add a quantifiable goal' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${fresh.id}#goals$`));
  await saveScreenshot(page, 'project-overview');

  // The scoped project has nothing open.
  await page.goto(`/projects/${scopedId}`);
  const scopedOverview = page.getByRole('region', { name: 'Health and KPIs' });
  await expect(scopedOverview.locator('.health-badge')).toHaveText('On track');
  await expect(scopedOverview.getByText('No open alerts')).toBeVisible();

  // Its criterion is priced on a 4-week window: the money is said per 28 days.
  const money = scopedOverview
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Metric in money', exact: true }) });
  await expect(money).toContainText('no CI run of the success metric yet');
  const token = await api.post<{ token: string }>(`/projects/${scopedId}/ci-tokens`, {
    name: 'ci',
  });
  await new Api(server.url, token.token).post(`/projects/${scopedId}/runs`, {
    metrics: { hit_rate_at_25: 4.1 },
    commit: 'c0ffee1',
    ci: { provider: 'github-actions', jobId: '1', jobUrl: 'https://ci.example.test/1' },
  });
  await page.reload();
  // 4.1 × €1,200 − 25 × €40 = €3,920; today 3.1 × 1,200 − 1,000 = €2,720; the difference
  // €1,200 every 28 days, × 8,760 h / 672 h = €15,642.86 a year.
  await expect(money.locator('.tile__value')).toHaveText('+€15.6 k a year');
  await expect(money.locator('.tile__detail')).toHaveText(
    'Best CI run (4.1 caught every 28 days) worth €3,920 every 28 days, today’s process €2,720: +€1,200 every 28 days, about +€15.6 k a year',
  );
});

test('the portfolio pages by 25 with Previous and Next, in the order chosen', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Bulk team') });
  for (let i = 1; i <= 26; i += 1) {
    await api.post('/projects', { teamId: team.id, name: `Bulk ${String(i).padStart(2, '0')}` });
  }

  await signIn(page, account);
  const filters = page.getByRole('group', { name: 'Filter the portfolio' });
  await filters.getByLabel('Sort').selectOption('name');
  await expect(page).toHaveURL(/sort=name/);
  const links = page.getByRole('table', { name: 'Projects' }).getByRole('link');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  // 26 projects, 25 a page: Bulk 01 to Bulk 25 first, then Bulk 26 alone.
  await expect(links).toHaveCount(25);
  await expect(links.first()).toHaveText('Bulk 01');
  await expect(pages).toContainText('1–25 of 26');
  await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/offset=25/);
  await expect(links).toHaveText(['Bulk 26']);
  await expect(pages).toContainText('26–26 of 26');
  await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Previous' }).click();
  await expect(links).toHaveCount(25);
  await expect(page).not.toHaveURL(/offset=/);
});

test('the best CI run in money shows on the overview and as the portfolio’s worth vs today', async ({
  page,
  account,
  api,
  server,
}) => {
  // Today's process catches 0.25 failures a day; a missed one costs €5,000, a visit €200.
  const name = unique('Pump failure ranking');
  const { teamId, projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Plant analytics'),
    project: name,
  });
  await postRun(ci, projectId, { value: 0.3, day: -3 });
  const best = await postRun(ci, projectId, { value: 0.45, day: -2 });
  // Better on paper, but posted by a person: never counted.
  await postRun(api, projectId, { value: 0.9, day: -1 }, false);
  const bareName = unique('Spare parts forecast');
  await api.post('/projects', { teamId, name: bareName });

  await signIn(page, account);
  const table = page.getByRole('table', { name: 'Projects' });
  const row = (text: string) => table.getByRole('row').filter({ hasText: text });
  await expect(table.getByRole('columnheader', { name: 'Worth vs today (a year)' })).toBeVisible();
  // (0.45 − 0.25) × €5,000 = €1,000 a day; × 365 = €365,000 a year.
  await expect(row(name).getByRole('cell').nth(8)).toHaveText('+€365 k');
  await expect(row(bareName).getByRole('cell').nth(8)).toHaveText('—');
  await saveScreenshot(page, 'portfolio-money');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row(name).getByRole('cell').nth(8)).toBeVisible();
  await saveScreenshot(page, 'portfolio-money-mobile');
  await page.setViewportSize({ width: 1280, height: 800 });

  await row(name).getByRole('link', { name }).click();
  const tiles = page.getByRole('list', { name: 'Project KPIs' });
  const money = tiles
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Metric in money', exact: true }) });
  await expect(money.locator('.tile__value')).toHaveText('+€365 k a year');
  // 0.45 × 5,000 − 10 × 200 = €250 a day; today 0.25 × 5,000 − 2,000 = −€750, a true minus.
  await expect(money.locator('.tile__detail')).toHaveText(
    'Best CI run (0.45 caught a day) worth €250.00 a day, today’s process −€750.00: +€1,000 a day, about +€365 k a year',
  );
  await expect(money.getByRole('link')).toHaveAttribute(
    'href',
    `/projects/${projectId}/runs/${best.id}`,
  );
  await expect(money).toHaveAttribute('title', /cost of a missed event/);
  await saveScreenshot(page, 'project-overview-money');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(money.locator('.tile__detail')).toBeVisible();
  await saveScreenshot(page, 'project-overview-money-mobile');
});
