import { Api, seedProject } from '../support/api.js';
import { saveScreenshot } from '../support/screenshots.js';
import {
  createAccount,
  expect,
  openProjectList,
  signIn,
  test,
  unique,
} from '../support/fixtures.js';

test('an operator opens the project on its production page and has no other page', async ({
  page,
  server,
  api,
}) => {
  const projectName = unique('Churn early warning');
  const { teamId, projectId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: projectName,
  });
  const operator = await createAccount(server, 'Olga Operator');
  await api.post(`/teams/${teamId}/members`, { email: operator.email, role: 'operator' });
  // The API refuses the operator everything but the production pages, whatever the UI shows.
  const operatorApi = await Api.forAccount(server, operator);
  await expect(operatorApi.call('GET', `/projects/${projectId}/sprints`)).rejects.toThrow(/403/);

  await signIn(page, operator);
  await openProjectList(page);
  const row = page.getByRole('row').filter({ hasText: projectName });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: projectName }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/production$`));
  const tabs = page.getByRole('navigation', { name: 'Project' });
  await expect(tabs.getByRole('link')).toHaveText(['Production', 'Daily list']);
  // Opening the overview by its address lands on the production page too.
  await page.goto(`/projects/${projectId}`);
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/production$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await saveScreenshot(page, 'operator-production');
});
