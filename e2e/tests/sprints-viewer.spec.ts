import { seedDeliveryHistory } from '../support/sprints.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';
import { Api } from '../support/api.js';

test('a viewer sees the sprints, the board and the delivery page with no controls to change them', async ({
  page,
  server,
  account: owner,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failure prediction'),
  });
  const member = await createAccount(server, 'Priya Data');
  const memberRef = await api.post<{ userId: string }>(`/teams/${team.id}/members`, {
    email: member.email,
    role: 'member',
  });
  const me = await api.call<{ user: { id: string } }>('GET', '/me');
  const { closed, active } = await seedDeliveryHistory(api, project.id, [
    me.user.id,
    memberRef.userId,
  ]);
  const viewer = await createAccount(server, 'Vera Viewer');
  await api.post(`/teams/${team.id}/members`, { email: viewer.email, role: 'viewer' });
  // The API refuses a viewer's moves, whatever the UI shows.
  const viewerApi = await Api.forAccount(server, viewer);
  const story = await api.call<{ items: { id: string }[] }>('GET', `/sprints/${active.id}/stories`);
  await expect(
    viewerApi.call('PATCH', `/stories/${story.items[0]!.id}`, { status: 'todo' }),
  ).rejects.toThrow(/403/);

  await signIn(page, viewer);
  await page.goto(`/projects/${project.id}/sprints`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sprints' })).toBeVisible();
  await expect(page.getByText('You can view these sprints.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sprints' }).locator('tbody tr')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Plan a sprint' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Import from Jira' })).toHaveCount(0);

  // The active sprint's board: stories in their columns, nothing to move, add, start or close.
  await page.getByRole('link', { name: active.name }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(active.name) }),
  ).toBeVisible();
  await expect(page.getByText('You can view this sprint.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Done', exact: true }).getByRole('article'),
  ).toHaveCount(1);
  await expect(page.getByRole('article', { name: /Sprint demo report/ })).toContainText('Late');
  for (const name of [
    'Start sprint',
    'Close sprint',
    'Add story',
    'Delete story',
    'Correct outcome',
  ]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: /^Move to/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.locator('[draggable="true"]')).toHaveCount(0);

  // A closed sprint: outcomes to read, no correction for a viewer.
  await page.goto(`/projects/${project.id}/sprints/${closed[2]!.id}`);
  await expect(page.getByRole('article', { name: 'Cost model for missed failures' })).toContainText(
    'Delivered',
  );
  await expect(page.getByRole('button', { name: 'Correct outcome' })).toHaveCount(0);

  // The delivery page is all reading anyway.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Delivery' })
    .click();
  await expect(
    page.getByRole('img', { name: /Sprint success rate per closed sprint/ }),
  ).toHaveAccessibleName(/Sprint 1 75 %, Sprint 2 40 %, Sprint 3 25 %/);
  expect(owner.email).not.toBe(viewer.email);
});
