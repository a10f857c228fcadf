import { Api, seedProject } from '../support/api.js';
import {
  createAccount,
  expect,
  openProjectList,
  signIn,
  test,
  unique,
} from '../support/fixtures.js';

test('a viewer sees the project read-only, with no edit controls', async ({
  page,
  server,
  account: owner,
  api,
}) => {
  const projectName = unique('Churn early warning');
  const { teamId, projectId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: projectName,
  });
  const viewer = await createAccount(server, 'Vera Viewer');
  await api.post(`/teams/${teamId}/members`, { email: viewer.email, role: 'viewer' });
  // The viewer's own token cannot write: the API refuses, whatever the UI shows.
  const viewerApi = await Api.forAccount(server, viewer);
  await expect(
    viewerApi.call('PATCH', `/projects/${projectId}`, { name: 'Hijacked' }),
  ).rejects.toThrow(/403/);

  await signIn(page, viewer);
  await openProjectList(page);
  const row = page.getByRole('row').filter({ hasText: projectName });
  await expect(row).toBeVisible();
  await expect(page.getByRole('button', { name: 'New project' })).toHaveCount(0);
  await row.getByRole('link', { name: projectName }).click();

  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(page.getByText('You can view this project.')).toBeVisible();
  // Everything is there to read…
  await expect(page.getByRole('region', { name: 'Scope' })).toContainText('Sofia Berg');
  await expect(page.getByRole('list', { name: 'Goals' })).toContainText('Reduce monthly churn');
  await expect(page.getByRole('region', { name: 'Success criterion' })).toContainText(
    'Hit rate@25',
  );
  await expect(page.getByRole('region', { name: 'Risks' })).toContainText(
    'Account managers’ call lists',
  );
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(
    'Ready for POC',
  );
  // …and nothing to change it with.
  for (const name of [
    'Rename',
    'Archive',
    'Edit scope',
    'Add goal',
    'Edit criterion',
    'Add risk',
    'Move to POC',
    'Drop project',
    'Delete',
    'New CI token',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: /^Edit goal/ })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'CI tokens' })).toHaveCount(0);
  // The owner still sees the controls on the same project.
  expect(owner.email).not.toBe(viewer.email);
});
