import { fileURLToPath } from 'node:url';
import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const EXPORT = fileURLToPath(
  new URL('../../packages/server/test/fixtures/jira-export.csv', import.meta.url),
);

test('jira import: upload an export, see its sprints and the row it could not use, and upload it again for nothing new', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Predictive maintenance'),
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}/sprints`);
  const section = page.getByRole('region', { name: 'Import from Jira' });
  await expect(section).toContainText('Jira’s CSV names each issue’s sprints but not their dates');
  await expect(section.getByLabel('Sprint length')).toHaveValue('2w');

  // Hold the request a moment, so the progress shown during the upload can be seen.
  await page.route('**/imports/jira**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await section.getByLabel('Jira CSV file').setInputFiles(EXPORT);
  await section.getByRole('button', { name: 'Import' }).click();
  const progress = section.getByRole('progressbar', { name: /jira-export\.csv/ });
  await expect(progress).toBeVisible();
  await expect(
    section.getByRole('status').filter({ hasText: /(Uploading|Importing) jira-export\.csv/ }),
  ).toBeVisible();

  const result = section.getByRole('region', { name: 'Import result' });
  await expect(result).toContainText('Import finished.');
  await expect(result).toContainText('Sprints: 3 created, 0 already there');
  await expect(result).toContainText('Stories: 16 created, 0 already there');
  await expect(result).toContainText('14 rows read; 1 not imported');
  await expect(progress).toBeHidden();
  const imported = result.getByRole('table', { name: 'Imported sprints' });
  for (const name of ['PDM Sprint 1', 'PDM Sprint 2', 'PDM Sprint 3']) {
    await expect(imported.getByRole('link', { name })).toBeVisible();
  }
  // The first sprint starts on the Monday of the earliest issue (26 Feb 2024), for two weeks.
  await expect(imported.getByRole('row', { name: /PDM Sprint 1/ })).toContainText(
    '26 Feb – 10 Mar 2024',
  );
  const problems = result.getByRole('table', { name: 'Rows not imported' });
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr')).toContainText('7');
  await expect(problems.locator('tbody tr')).toContainText(
    'PDM-13 not imported: "Custom field (Story Points)" is "lots", not a number of zero or more.',
  );
  // The sprint list has them too.
  await expect(
    page.getByRole('table', { name: 'Sprints', exact: true }).locator('tbody tr'),
  ).toHaveCount(3);
  await saveScreenshot(page, 'jira-import');

  // The same file again: everything is already there.
  await section.getByLabel('Jira CSV file').setInputFiles(EXPORT);
  await section.getByRole('button', { name: 'Import' }).click();
  await expect(result).toContainText('Nothing new to import.');
  await expect(result).toContainText('Sprints: 0 created, 3 already there');
  await expect(result).toContainText('Stories: 0 created, 16 already there');
  await expect(
    page.getByRole('table', { name: 'Sprints', exact: true }).locator('tbody tr'),
  ).toHaveCount(3);

  // An imported sprint's board shows its stories with their Jira keys.
  await imported.getByRole('link', { name: 'PDM Sprint 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /PDM Sprint 1/ })).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'Label past failures from the maintenance logs' }),
  ).toContainText('PDM-2');
});
