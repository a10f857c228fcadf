import { dayTextFromNow } from '../support/api.js';
import { saveScreenshot } from '../support/screenshots.js';
import { addStory, planSprint } from '../support/sprints.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('overdue sprint: an active sprint past its end date shows as still active on the project page', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const projectName = unique('Pump failure prediction');
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: projectName,
  });
  // A sprint that ended a week ago and was never closed.
  const sprint = await planSprint(api, project.id, -20, -7, 'Baseline model');
  await addStory(api, sprint.id, { title: 'Baseline gradient boosting', type: 'model' });
  await api.post(`/sprints/${sprint.id}/start`);

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();

  // The overview lists it among the project's alerts (the delivery warnings are alerts too).
  const alerts = page.getByRole('list', { name: 'Open alerts' });
  const item = alerts.getByRole('listitem').filter({ hasText: 'Sprint 1 ended on' });
  await expect(item).toContainText(
    `Sprint 1 ended on ${dayTextFromNow(-7)} and is still active (7 days over)`,
  );
  await expect(item).toContainText(/Since \d{1,2} \w{3} \d{4}/);
  // It sits above the stage bar, where it is seen first.
  const alertsBox = await alerts.boundingBox();
  const stageBox = await page.getByRole('region', { name: 'Stage', exact: true }).boundingBox();
  expect(alertsBox!.y).toBeLessThan(stageBox!.y);
  await saveScreenshot(page, 'project-page-warnings');

  // Its action leads to the sprints; the delivery page lists it as an early warning, and
  // says nothing is closed yet.
  await item.getByRole('link', { name: 'Sprints' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/sprints$`));
  await page.getByRole('link', { name: 'Delivery', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 early warning' })).toContainText(
    'is still active',
  );
  await expect(page.getByText('Close a sprint to see its success rate')).toBeVisible();
});
