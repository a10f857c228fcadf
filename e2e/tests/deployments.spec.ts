import { dayFromNow } from '../support/api.js';
import { seedRunsProject } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const COMMIT = '7c1e9b2a4d3f5e6a8b9c0d1e2f3a4b5c6d7e8f90';

let job = 0;
const ci = () => {
  job += 1;
  return {
    provider: 'github-actions',
    jobId: String(5100 + job),
    jobUrl: `https://ci.example.test/jobs/${5100 + job}`,
  };
};

test('deployments page: KPI tiles with their rules, the weekly chart and the filtered table', async ({
  page,
  server,
  account,
  api,
}, testInfo) => {
  const { projectId, ci: cd } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: unique('Pump failure prediction'),
  });
  // The CI run of the last version's commit started two days ago at 06:00 UTC.
  const run = await cd.post<{ id: string }>(`/projects/${projectId}/runs`, {
    metrics: { hit_rate_at_10: 0.41 },
    commit: COMMIT,
    startedAt: `${dayFromNow(-2)}T06:00:00Z`,
    finishedAt: `${dayFromNow(-2)}T07:00:00Z`,
    ci: ci(),
  });
  const deploy = (
    version: string,
    day: number,
    status = 'succeeded',
    extra: Record<string, unknown> = {},
  ) =>
    cd.post(`/projects/${projectId}/deployments`, {
      version,
      environment: 'production',
      status,
      finishedAt: `${dayFromNow(day)}T10:00:00Z`,
      ci: ci(),
      ...extra,
    });
  await deploy('1.0.0', -40);
  await deploy('1.1.0', -33);
  await deploy('1.2.0', -26);
  await deploy('1.3.0', -19, 'failed');
  await deploy('1.3.1', -19, 'succeeded', { finishedAt: `${dayFromNow(-19)}T14:00:00Z` });
  await deploy('1.4.0', -12);
  await deploy('1.5.0', -8, 'rolled_back');
  await deploy('1.5.1', -5);
  await deploy('1.6.0', -2, 'succeeded', { environment: 'staging', commit: COMMIT });
  await deploy('1.6.0', -1, 'succeeded', { commit: COMMIT });

  await signIn(page, account);
  await page.goto(`/projects/${projectId}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Deployments' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible();

  // Figures from the arithmetic: 9 production deployments, 2 failed or rolled back (22 %);
  // the last success yesterday; 1.6.0 from its CI run (−2 d 06:00) to production (−1 d
  // 10:00) = 28 h, the only version with a run.
  const tiles = page.getByRole('list', { name: 'Deployment figures' });
  const tile = (label: string) => tiles.getByRole('listitem').filter({ hasText: label });
  await expect(tile('Change failure rate')).toContainText('22 %');
  await expect(tile('Change failure rate')).toHaveAttribute('title', /deployments, not changes/);
  await expect(tile('Days since last production deployment').locator('.tile__value')).toHaveText(
    '1',
  );
  await expect(tile('Lead time')).toContainText('28 h');
  await expect(tile('Deployment days per week')).toContainText('count once');

  const chart = page.getByRole('img', { name: /Production deployments per week/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('svg')).toContainText('Failed or rolled back');

  const table = page.getByRole('table', { name: 'Deployments' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  // Newest first: 1.6.0 in production, then on staging.
  await expect(rows.first()).toContainText('1.6.0');
  await expect(rows.first()).toContainText('production');
  await expect(rows.first()).toContainText('7c1e9b2');
  await expect(rows.first().getByText('CI', { exact: true })).toBeVisible();
  // Both 1.6.0 deployments name the CI run of their commit; versions without a commit none.
  const runLink = rows.first().getByRole('link', { name: 'Run 7c1e9b2 (CI)' });
  await expect(runLink).toHaveAttribute('href', `/projects/${projectId}/runs/${run.id}`);
  await expect(rows.first()).toContainText('by its commit');
  await expect(rows.nth(1).getByRole('link', { name: 'Run 7c1e9b2 (CI)' })).toBeVisible();
  await expect(rows.nth(2).getByRole('cell').last()).toHaveText('—');

  const filter = page.getByRole('group', { name: 'Filter deployments' }).getByLabel('Environment');
  await filter.selectOption('staging');
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/environment=staging/);
  await filter.selectOption('production');
  await expect(rows).toHaveCount(9);
  await expect(table.getByText('Rolled back', { exact: true })).toBeVisible();
  await expect(table.getByText('Failed', { exact: true })).toBeVisible();

  await saveScreenshot(page, 'deployments-page', testInfo);

  await rows.first().getByRole('link', { name: 'Run 7c1e9b2 (CI)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Run 7c1e9b2/ })).toBeVisible();
});
