import { Api } from '../support/api.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';
import { saveScreenshot } from '../support/screenshots.js';

test('adds an artifact, records a reuse by another project, and sees the count and chart change', async ({
  page,
  account,
  api,
  server,
}, testInfo) => {
  // My team: two projects. Another team: an artifact of theirs, reused once by their own project.
  const teamLabel = unique('Maintenance analytics');
  const team = await api.post<{ id: string }>('/teams', { name: teamLabel });
  const pumpName = unique('Pump failure prediction');
  const churnName = unique('Churn early warning');
  await api.post('/projects', { teamId: team.id, name: pumpName });
  await api.post('/projects', { teamId: team.id, name: churnName });

  const other = await createAccount(server, 'Otto Other');
  const otherApi = await Api.forAccount(server, other);
  const otherTeam = await otherApi.post<{ id: string }>('/teams', { name: unique('Secret team') });
  const secretProject = unique('Secret pricing project');
  const theirs = await otherApi.post<{ id: string }>('/projects', {
    teamId: otherTeam.id,
    name: secretProject,
  });
  const theirsToo = await otherApi.post<{ id: string }>('/projects', {
    teamId: otherTeam.id,
    name: unique('Secret forecasting project'),
  });
  const scraper = await otherApi.post<{ id: string }>('/artifacts', {
    name: 'Competitor price scraper',
    kind: 'tool',
    description: 'Collects competitor prices every night',
    projectId: theirs.id,
  });
  await otherApi.post(`/artifacts/${scraper.id}/reuses`, {
    projectId: theirsToo.id,
    purpose: 'Price features',
  });

  await signIn(page, account);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Artifacts' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Artifacts' })).toBeVisible();

  // The other team's artifact is in the catalogue, its project unnamed.
  const table = page.getByRole('table', { name: 'Artifacts' });
  const scraperRow = table.getByRole('row').filter({ hasText: 'Competitor price scraper' });
  await expect(scraperRow).toContainText('another team');
  await expect(scraperRow.getByTestId('reuse-count')).toHaveText('1');
  await expect(scraperRow).toContainText('+ 1 by other teams (not named)');
  await expect(page.getByText(secretProject)).toHaveCount(0);

  // Add an artifact produced by the pump project.
  await page.getByRole('button', { name: 'Add an artifact' }).click();
  const form = page.getByRole('form', { name: 'Add an artifact' });
  await form.getByLabel('Produced by').selectOption({ label: `${pumpName} · ${teamLabel}` });
  await form.getByLabel('Kind').selectOption('dataset');
  await form.getByLabel('Name').fill('Labelled pump failures');
  await form
    .getByLabel('Description')
    .fill('Five years of pump failures labelled by the maintenance crew');
  await form.getByLabel('Link').fill('https://git.example.test/pdm/labels');
  await form.getByRole('button', { name: 'Add artifact' }).click();
  await expect(form).toHaveCount(0);

  const labelsRow = table.getByRole('row').filter({ hasText: 'Labelled pump failures' });
  await expect(labelsRow).toContainText('Dataset');
  await expect(labelsRow.getByRole('link', { name: pumpName })).toBeVisible();
  await expect(labelsRow.getByTestId('reuse-count')).toHaveText('0');

  // Record a reuse by the churn project: the producing project is not offered.
  await labelsRow.getByRole('button', { name: 'Record a reuse of Labelled pump failures' }).click();
  const reuseForm = page.getByRole('form', { name: 'Record a reuse of Labelled pump failures' });
  const choices = reuseForm.getByLabel('Reused by').locator('option');
  await expect(choices).toHaveCount(1);
  await expect(choices).toContainText(churnName);
  await reuseForm.getByLabel('Purpose').fill('Failure labels for the churn of service contracts');
  await reuseForm.getByRole('button', { name: 'Record reuse' }).click();
  await expect(reuseForm).toHaveCount(0);
  await expect(labelsRow.getByTestId('reuse-count')).toHaveText('1');
  await expect(labelsRow).toContainText(`by ${churnName}`);

  // The chart of the most reused shows both, and the search narrows the table.
  await expect(
    page.getByRole('img', { name: /Most reused artifacts: .*Labelled pump failures, 1 reuse/ }),
  ).toBeVisible();
  await expect(page.locator('.artifact-chart__canvas svg')).toBeVisible();
  await saveScreenshot(page, 'artifacts-page', testInfo);

  await page.getByLabel('Search').fill('pump');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Kind').first().selectOption('tool');
  await expect(
    table.getByRole('row').filter({ hasText: 'Competitor price scraper' }),
  ).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Labelled pump failures' })).toHaveCount(0);
});
