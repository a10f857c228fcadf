import { seedProject } from '../support/api.js';
import { expect, openProjectList, signIn, test, unique } from '../support/fixtures.js';

test('the project list pages with Load more, filters by stage and team, and hides archived projects', async ({
  page,
  account,
  api,
}) => {
  const pocName = unique('Churn early warning');
  const { projectId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: pocName,
  });
  await api.post(`/projects/${projectId}/stage`, { stage: 'poc', note: 'All gates met' });
  const bulkTeamName = unique('Bulk team');
  const bulkTeam = await api.post<{ id: string }>('/teams', { name: bulkTeamName });
  for (let i = 1; i <= 26; i += 1) {
    await api.post('/projects', {
      teamId: bulkTeam.id,
      name: `Bulk project ${String(i).padStart(2, '0')}`,
    });
  }

  await signIn(page, account);
  await openProjectList(page);
  const table = page.getByRole('table');
  const projectLinks = table.getByRole('link');
  await expect(projectLinks).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(projectLinks).toHaveCount(27);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // Stage filter, kept in the address.
  const filters = page.getByRole('group', { name: 'Filter projects' });
  await filters.getByLabel('Stage').selectOption('poc');
  await expect(page).toHaveURL(/stage=poc/);
  await expect(projectLinks).toHaveText([pocName]);
  await expect(table.getByRole('row').filter({ hasText: pocName })).toContainText('POC');

  // Team filter.
  await filters.getByLabel('Stage').selectOption('');
  await filters.getByLabel('Team').selectOption({ label: bulkTeamName });
  await expect(projectLinks).toHaveCount(25);
  await expect(table.getByRole('link', { name: pocName })).toHaveCount(0);

  // A filter that matches nothing says so.
  await filters.getByLabel('Stage').selectOption('production');
  await expect(page.getByText('No project matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('link', { name: pocName })).toBeVisible();

  // Rename inline, then archive: the project turns read-only and leaves the list.
  await table.getByRole('link', { name: pocName }).click();
  const renamed = `${pocName} (renamed)`;
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Project name').fill(renamed);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This project is archived.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit scope' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Move to Productization' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Projects', exact: true }).first().click();
  await expect(table.getByRole('link', { name: 'Bulk project 26' })).toBeVisible();
  await expect(table.getByRole('link', { name: renamed })).toHaveCount(0);
  await filters.getByLabel('Show archived').check();
  await filters.getByLabel('Stage').selectOption('poc');
  const archivedRow = table.getByRole('row').filter({ hasText: renamed });
  await expect(archivedRow).toContainText('Archived');

  await archivedRow.getByRole('link', { name: renamed }).click();
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect(page.getByText('This project is archived.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit scope' })).toBeVisible();
});
